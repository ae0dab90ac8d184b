import { describe, expect, it, vi } from "vitest";
import { exchangeCode, refreshTokens } from "./issuer-client";

const ISSUER = "http://127.0.0.1:4999";
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("the code exchange", () => {
  it("sends the code with its verifier, redirect URI and client id", async () => {
    const fetch = vi.fn(async () => json(200, { access_token: "a", refresh_token: "s:r" }));
    expect(
      await exchangeCode(
        { issuer: ISSUER, fetch },
        { code: "c1", redirectUri: "http://x/auth/callback", verifier: "v" },
      ),
    ).toEqual({ ok: true, tokens: { access: "a", refresh: "s:r", expiresIn: undefined } });
    const body = new URLSearchParams(String((fetch.mock.calls[0] as unknown as [URL, RequestInit])[1].body));
    expect(Object.fromEntries(body)).toEqual({
      grant_type: "authorization_code",
      code: "c1",
      redirect_uri: "http://x/auth/callback",
      client_id: "tiffin-web",
      code_verifier: "v",
    });
  });

  it.each([
    [400, "invalid_grant"],
    [400, "invalid_redirect_uri"],
    [403, "unauthorized_client"],
  ])("is refused on %i %s (the code will never work)", async (status, error) => {
    expect(
      await exchangeCode(
        { issuer: ISSUER, fetch: async () => json(status, { error }) },
        { code: "c", redirectUri: "r", verifier: "v" },
      ),
    ).toEqual({ ok: false, reason: "refused", error });
  });

  it("is unavailable, not refused, when the issuer fails", async () => {
    expect(
      await exchangeCode(
        { issuer: ISSUER, fetch: async () => new Response("oops", { status: 500 }) },
        { code: "c", redirectUri: "r", verifier: "v" },
      ),
    ).toMatchObject({ ok: false, reason: "unavailable" });
  });
});

describe("refreshing", () => {
  it("is refused only on invalid_grant", async () => {
    expect(
      await refreshTokens({ issuer: ISSUER, fetch: async () => json(400, { error: "invalid_grant" }) }, "t"),
    ).toEqual({
      ok: false,
      reason: "refused",
      error: "invalid_grant",
    });
    expect(
      await refreshTokens(
        { issuer: ISSUER, fetch: async () => json(403, { error: "unauthorized_client" }) },
        "t",
      ),
    ).toMatchObject({ ok: false, reason: "unavailable" });
  });

  it("stops waiting after the time limit", async () => {
    const started = Date.now();
    const hang: typeof fetch = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    expect(await refreshTokens({ issuer: ISSUER, fetch: hang, timeoutMs: 30 }, "t")).toEqual({
      ok: false,
      reason: "unavailable",
      detail: "the issuer did not answer in time",
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
