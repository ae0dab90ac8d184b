import { describe, expect, it } from "vitest";
import { httpOrigin, parseWebOrigins, TOKEN_LIFETIME_SECONDS } from "./session";

describe("parseWebOrigins", () => {
  it("reads a comma or space separated list, keeping each URL's origin once", () => {
    expect(
      parseWebOrigins("http://127.0.0.1:3000/, https://tiffin.example/path  http://127.0.0.1:3000"),
    ).toEqual({ origins: ["http://127.0.0.1:3000", "https://tiffin.example"], invalid: [] });
  });

  it("returns what is not an http(s) URL, for the caller to refuse", () => {
    expect(parseWebOrigins("ftp://x, nonsense http://127.0.0.1:3100")).toEqual({
      origins: ["http://127.0.0.1:3100"],
      invalid: ["ftp://x", "nonsense"],
    });
    expect(parseWebOrigins(" , ")).toEqual({ origins: [], invalid: [] });
    expect(parseWebOrigins(undefined)).toEqual({ origins: [], invalid: [] });
  });
});

describe("httpOrigin", () => {
  it("takes the origin of an http(s) URL only", () => {
    expect(httpOrigin("https://issuer.example/.well-known/jwks.json")).toBe("https://issuer.example");
    expect(httpOrigin("javascript:alert(1)")).toBeUndefined();
    expect(httpOrigin("/relative")).toBeUndefined();
  });
});

describe("TOKEN_LIFETIME_SECONDS", () => {
  it("is 15 minutes for access tokens and 30 days for refresh tokens", () => {
    expect(TOKEN_LIFETIME_SECONDS).toEqual({ access: 900, refresh: 2_592_000 });
  });
});
