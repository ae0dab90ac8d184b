import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";

const directives = (policy: string) =>
  new Map(
    policy.split("; ").map((d) => {
      const [name = "", ...values] = d.split(" ");
      return [name, values] as const;
    }),
  );

describe("contentSecurityPolicy", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "abc123==", issuer: "http://127.0.0.1:3020" }));

  it("runs only this origin's scripts that carry the nonce, never inline or eval", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
  });

  it("locks down everything else", () => {
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'", "http://127.0.0.1:3020"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("relaxes only what next dev needs, only in dev", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
    expect(dev.get("form-action")).toEqual(["'self'"]);
  });

  it("upgrades subresources when served over https", () => {
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
  });
});

describe("newNonce", () => {
  it("is fresh every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("lets staff post photo uploads to the media bucket's origin, and only there, when it has one", () => {
    const withUploads = directives(
      contentSecurityPolicy({ nonce: "n", uploads: "https://tiffin-media.s3.eu-west-1.amazonaws.com" }),
    );
    expect(withUploads.get("connect-src")).toEqual([
      "'self'",
      "https://tiffin-media.s3.eu-west-1.amazonaws.com",
    ]);
    // Photos are shown from this origin (/media/<key>): no other image source is allowed.
    expect(withUploads.get("img-src")).toEqual(["'self'", "data:"]);
  });
});
