import { afterEach, describe, expect, it, vi } from "vitest";
import { loadSession, refreshSession, SessionUnavailable, SIGN_IN_UNAVAILABLE } from "./session";

const actor = {
  id: "acc_1",
  email: "customer@tiffin.test",
  name: "Casey Customer",
  role: "customer",
  restaurants: [],
} as const;

const respond = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => vi.restoreAllMocks());

describe("refreshSession", () => {
  it("sends one refresh for every caller waiting at the same time", async () => {
    let release: (r: Response) => void = () => undefined;
    const fetchFn = vi.fn(() => new Promise<Response>((resolve) => (release = resolve)));
    const all = Promise.all([refreshSession(fetchFn), refreshSession(fetchFn), refreshSession(fetchFn)]);
    release(respond(200, { actor }));
    const outcomes = await all;
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(outcomes.every((o) => o.outcome === "refreshed")).toBe(true);
    // Settled: the next expiry triggers a new refresh.
    await refreshSession(vi.fn(async () => respond(200, { actor })));
  });

  it("tells a refused refresh (signed out) from an unreachable issuer", async () => {
    expect(await refreshSession(async () => respond(401, { actor: null }))).toEqual({
      outcome: "signed-out",
    });
    expect(await refreshSession(async () => respond(503, { error: "down" }))).toEqual({
      outcome: "unavailable",
    });
    expect(
      await refreshSession(async () => {
        throw new TypeError("Failed to fetch");
      }),
    ).toEqual({ outcome: "unavailable" });
  });
});

describe("loadSession", () => {
  it("returns the signed-in actor", async () => {
    expect(await loadSession(async () => respond(200, { actor }))).toEqual(actor);
  });

  it("renews an expired access token when a refresh cookie exists", async () => {
    const fetchFn = vi.fn(async (url: RequestInfo | URL) =>
      String(url) === "/auth/session"
        ? respond(200, { actor: null, renewable: true })
        : respond(200, { actor }),
    );
    expect(await loadSession(fetchFn)).toEqual(actor);
    expect(fetchFn.mock.calls.map(([url]) => String(url))).toEqual(["/auth/session", "/auth/refresh"]);
  });

  it("is signed out when there is nothing to renew, or renewal is refused", async () => {
    expect(await loadSession(async () => respond(200, { actor: null, renewable: false }))).toBeNull();
    const refused = async (url: RequestInfo | URL) =>
      String(url) === "/auth/session" ? respond(200, { actor: null, renewable: true }) : respond(401, {});
    expect(await loadSession(refused)).toBeNull();
  });

  it("is not signed out, but unavailable, when renewal can't reach the issuer (503) or the network is down", async () => {
    const down = async (url: RequestInfo | URL) =>
      String(url) === "/auth/session"
        ? respond(200, { actor: null, renewable: true })
        : respond(503, { error: "Signing in is temporarily unavailable." });
    const error = await loadSession(down).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionUnavailable);
    expect((error as Error).message).toBe(SIGN_IN_UNAVAILABLE);
    await expect(
      loadSession(async () => {
        throw new TypeError("Failed to fetch");
      }),
    ).rejects.toBeInstanceOf(SessionUnavailable);
    await expect(loadSession(async () => respond(502, "Bad Gateway"))).rejects.toBeInstanceOf(
      SessionUnavailable,
    );
  });

  it("refuses a body that isn't a session", async () => {
    await expect(loadSession(async () => respond(200, { actor: { role: "admin" } }))).rejects.toThrow();
  });
});
