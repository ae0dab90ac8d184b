import { describe, expect, it } from "vitest";
import { isSameOriginRequest, requestOrigin } from "./origin";

const req = (headers: Record<string, string>, url = "http://127.0.0.1:3001/auth/login") => ({
  url,
  headers: new Headers(headers),
});

describe("requestOrigin", () => {
  it("prefers the forwarded host and protocol set by the router", () => {
    expect(
      requestOrigin(
        req({ host: "127.0.0.1:3001", "x-forwarded-host": "127.0.0.1:3000", "x-forwarded-proto": "http" }),
      ),
    ).toBe("http://127.0.0.1:3000");
    expect(
      requestOrigin(
        req({ "x-forwarded-host": "tiffin.example, cdn.internal", "x-forwarded-proto": "https" }),
      ),
    ).toBe("https://tiffin.example");
  });

  it("falls back to the Host header, then the request URL", () => {
    expect(requestOrigin(req({ host: "127.0.0.1:3001" }))).toBe("http://127.0.0.1:3001");
    expect(requestOrigin(req({}, "https://tiffin.example/auth/login"))).toBe("https://tiffin.example");
  });

  it("ignores a forwarded protocol that isn't http(s)", () => {
    expect(requestOrigin(req({ host: "tiffin.example", "x-forwarded-proto": "javascript" }))).toBe(
      "http://tiffin.example",
    );
  });

  it("refuses malformed hosts", () => {
    expect(requestOrigin(req({ "x-forwarded-host": "evil.example/path" }))).toBeUndefined();
    expect(requestOrigin(req({ "x-forwarded-host": "user@evil.example" }))).toBeUndefined();
  });

  it("only accepts configured origins when a list is given", () => {
    const allowed = ["http://127.0.0.1:3000"];
    expect(requestOrigin(req({ "x-forwarded-host": "127.0.0.1:3000" }), allowed)).toBe(
      "http://127.0.0.1:3000",
    );
    expect(requestOrigin(req({ "x-forwarded-host": "evil.example" }), allowed)).toBeUndefined();
  });
});

describe("isSameOriginRequest", () => {
  it("compares the Origin header with the site's origin", () => {
    expect(isSameOriginRequest(req({ origin: "http://127.0.0.1:3000" }), "http://127.0.0.1:3000")).toBe(true);
    expect(isSameOriginRequest(req({ origin: "https://evil.example" }), "http://127.0.0.1:3000")).toBe(false);
    expect(isSameOriginRequest(req({ origin: "null" }), "http://127.0.0.1:3000")).toBe(false);
  });

  it("without Origin, trusts only the browser's own same-origin marker", () => {
    expect(isSameOriginRequest(req({ "sec-fetch-site": "same-origin" }), "http://x")).toBe(true);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "cross-site" }), "http://x")).toBe(false);
    expect(isSameOriginRequest(req({}), "http://x")).toBe(false);
  });
});
