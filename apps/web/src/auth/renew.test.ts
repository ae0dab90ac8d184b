import type { Actor } from "@tiffin/kit/actor";
import { describe, expect, it, vi } from "vitest";
import { refreshTokens } from "./issuer-client";
import { renewSession, SIGN_IN_UNAVAILABLE } from "./renew";

/*
 * POST /auth/refresh's decision, against the issuer's real wire answers (a fetch that answers as
 * OpenAuth does, fails as a network does, or never answers). Only `invalid_grant` may clear cookies.
 */
const ISSUER = "http://127.0.0.1:4999";
const actor: Actor = { id: "a1", email: "ada@example.com", name: "Ada", role: "customer", restaurants: [] };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const tokens = { access_token: "new-access", refresh_token: "sub:new-refresh", expires_in: 900 };

const renewWith = (issuerFetch: typeof fetch, verify = vi.fn(async () => actor)) =>
  renewSession({
    refreshToken: "sub:old-refresh",
    refresh: (token) => refreshTokens({ issuer: ISSUER, fetch: issuerFetch, timeoutMs: 50 }, token),
    verify,
  });

describe("renewing a session (POST /auth/refresh)", () => {
  it("rotates both cookies and answers who is signed in", async () => {
    const issuerFetch = vi.fn(async () => json(200, tokens));
    expect(await renewWith(issuerFetch)).toEqual({
      status: 200,
      body: { actor },
      cookies: { set: { access: "new-access", refresh: "sub:new-refresh", expiresIn: 900 } },
    });
    const [url, init] = issuerFetch.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe(`${ISSUER}/token`);
    expect(String(init.body)).toBe("grant_type=refresh_token&refresh_token=sub%3Aold-refresh");
  });

  it("clears the session when the issuer refuses the refresh token (invalid_grant), and only then", async () => {
    const refused = async () =>
      json(400, { error: "invalid_grant", error_description: "Refresh token has been used or expired" });
    expect(await renewWith(refused)).toEqual({ status: 401, body: { actor: null }, cookies: "clear" });
  });

  it.each<[string, typeof fetch]>([
    [
      "the issuer is unreachable",
      async () => {
        throw new TypeError("fetch failed");
      },
    ],
    [
      "the issuer is too slow",
      (_input, init) =>
        new Promise((_, reject) =>
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
        ),
    ],
    ["the issuer answers 500 with an OAuth error", async () => json(500, { error: "server_error" })],
    [
      "the issuer answers 502 from a gateway (HTML)",
      async () => new Response("<html>Bad Gateway</html>", { status: 502 }),
    ],
    ["the issuer answers 503 with no body", async () => new Response(null, { status: 503 })],
    ["the issuer answers 429 (throttled)", async () => json(429, { error: "slow_down" })],
    ["the issuer answers 400 but not invalid_grant", async () => json(400, { error: "invalid_request" })],
    ["the issuer answers 200 without tokens", async () => json(200, { hello: "world" })],
  ])("keeps the cookies and says sign-in is temporarily unavailable when %s", async (_, issuerFetch) => {
    expect(await renewWith(issuerFetch)).toEqual({
      status: 503,
      body: { error: SIGN_IN_UNAVAILABLE },
      cookies: "keep",
    });
  });

  it("keeps the rotated tokens (the old refresh token is spent) but answers 503 when the new token can't be verified", async () => {
    const verify = vi.fn(async () => {
      throw new Error("could not fetch the issuer's keys");
    });
    expect(await renewWith(async () => json(200, tokens), verify)).toEqual({
      status: 503,
      body: { error: SIGN_IN_UNAVAILABLE },
      cookies: { set: { access: "new-access", refresh: "sub:new-refresh", expiresIn: 900 } },
    });
  });

  it("has nothing to renew without a refresh cookie, and asks the issuer nothing", async () => {
    const issuerFetch = vi.fn(async () => json(200, tokens));
    const renewal = await renewSession({
      refreshToken: undefined,
      refresh: (token) => refreshTokens({ issuer: ISSUER, fetch: issuerFetch }, token),
      verify: async () => actor,
    });
    expect(renewal).toEqual({ status: 401, body: { actor: null }, cookies: "keep" });
    expect(issuerFetch).not.toHaveBeenCalled();
  });
});
