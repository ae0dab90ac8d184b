import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from "jose";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type Actor,
  AuthError,
  createTokenVerifier,
  SIGN_IN_UNAVAILABLE,
  SignInUnavailable,
  WEB_CLIENT_ID,
} from "./auth";

/*
 * The verifier against a real HTTP server publishing a jose-generated key set, as the issuer does at
 * /.well-known/jwks.json, which the tests stop, break and rotate. Only Date is faked (to step past the
 * key cache and the cooldown); the fetches are real.
 */

const owner: Actor = {
  id: "acct-1",
  email: "owner@bombay.tiffin.test",
  name: "Owner",
  role: "restaurant",
  restaurants: [{ id: "bombay-tiffin-house", role: "owner" }],
};

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  jwk: JWK;
}
const signingKey = async (kid: string): Promise<SigningKey> => {
  const pair = await generateKeyPair("ES256");
  return {
    kid,
    privateKey: pair.privateKey,
    jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: "ES256", use: "sig" },
  };
};

/** A stand-in issuer: serves whatever `answer` says at the JWKS path and counts the requests. */
const startIssuer = async () => {
  const state = {
    answer: { status: 200, body: "" },
    requests: 0,
  };
  const server: Server = createServer((req, res) => {
    if (req.url !== "/.well-known/jwks.json") {
      res.writeHead(404).end();
      return;
    }
    state.requests++;
    res.writeHead(state.answer.status, { "content-type": "application/json" }).end(state.answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    state,
    publish: (...keys: SigningKey[]) => {
      state.answer = { status: 200, body: JSON.stringify({ keys: keys.map((k) => k.jwk) }) };
    },
    answer: (status: number, body: string) => {
      state.answer = { status, body };
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};
type Issuer = Awaited<ReturnType<typeof startIssuer>>;

const tokenFor = (issuer: Issuer, key: SigningKey, kid = key.kid) =>
  new SignJWT({ mode: "access", type: "user", properties: owner })
    .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
    .setSubject(owner.id)
    .setAudience(WEB_CLIENT_ID)
    .setIssuer(issuer.origin)
    .setExpirationTime("15m")
    .sign(key.privateKey);

const MINUTE = 60_000;
const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

let k1: SigningKey;
let k2: SigningKey;
let issuer: Issuer;
const running: Issuer[] = [];

beforeAll(async () => {
  k1 = await signingKey("k1");
  k2 = await signingKey("k2");
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  issuer = await startIssuer();
  running.push(issuer);
  issuer.publish(k1);
});

afterEach(async () => {
  vi.useRealTimers();
  for (const s of running.splice(0)) await s.stop().catch(() => undefined);
});

const verifierFor = (i: Issuer) => createTokenVerifier({ issuer: i.origin, audience: WEB_CLIENT_ID });

describe("the issuer's keys", () => {
  it("fetches the key set once, not per request", async () => {
    const verify = verifierFor(issuer);
    const token = await tokenFor(issuer, k1);

    for (let i = 0; i < 5; i++) expect(await verify(token)).toEqual(owner);
    expect(issuer.state.requests).toBe(1);
  });

  it("keeps verifying with the last good key set when the issuer stops answering, past the key cache", async () => {
    const verify = verifierFor(issuer);
    expect(await verify(await tokenFor(issuer, k1))).toEqual(owner);

    await issuer.stop();
    // Fresh tokens each time (as the web app's silent renewal gets them): only the key cache ages.
    later(11 * MINUTE);
    expect(await verify(await tokenFor(issuer, k1))).toEqual(owner);
    later(60 * MINUTE);
    expect(await verify(await tokenFor(issuer, k1))).toEqual(owner);
  });

  it("keeps the last good key set when the issuer answers with an error or something that is not a key set", async () => {
    const verify = verifierFor(issuer);
    await verify(await tokenFor(issuer, k1));

    issuer.answer(502, "<html>Bad gateway</html>");
    later(11 * MINUTE);
    expect(await verify(await tokenFor(issuer, k1))).toEqual(owner);
    issuer.answer(200, JSON.stringify({ keys: "none" }));
    later(11 * MINUTE);
    expect(await verify(await tokenFor(issuer, k1))).toEqual(owner);
    expect(issuer.state.requests).toBe(3);
  });

  it("picks up a rotated key: an unknown kid refetches the key set, once per cooldown", async () => {
    const verify = verifierFor(issuer);
    await verify(await tokenFor(issuer, k1));
    issuer.publish(k1, k2);
    later(31_000);

    expect(await verify(await tokenFor(issuer, k2))).toEqual(owner);
    expect(issuer.state.requests).toBe(2);
  });

  it("does not let forged kids hammer the issuer: within the cooldown an unknown kid is refused without a fetch", async () => {
    const verify = verifierFor(issuer);
    await verify(await tokenFor(issuer, k1));
    const forged = await tokenFor(issuer, k2, "forged");

    for (let i = 0; i < 5; i++) await expect(verify(forged)).rejects.toThrow(AuthError);
    await expect(verify(forged)).rejects.toThrow("Your session is not valid. Sign in again.");
    expect(issuer.state.requests).toBe(1);
  });

  it("refuses a token signed by a key the issuer does not publish, after checking the fresh key set", async () => {
    const verify = verifierFor(issuer);
    await verify(await tokenFor(issuer, k1));
    later(31_000);

    await expect(verify(await tokenFor(issuer, k2))).rejects.toThrow(AuthError);
    expect(issuer.state.requests).toBe(2);
  });
});

describe("when no key set can be had", () => {
  it("says sign-in checks are unavailable (SignInUnavailable, not AuthError)", async () => {
    const token = await tokenFor(issuer, k1);
    await issuer.stop();
    const verify = verifierFor(issuer);

    const error = await verify(token).then(
      () => new Error("expected a refusal"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SignInUnavailable);
    expect(error).not.toBeInstanceOf(AuthError);
    expect((error as Error).message).toBe(SIGN_IN_UNAVAILABLE);
  });

  it("asks the issuer again at most once per cooldown, and recovers when it answers", async () => {
    issuer.answer(503, "");
    const verify = verifierFor(issuer);
    const token = await tokenFor(issuer, k1);

    await expect(verify(token)).rejects.toThrow(SignInUnavailable);
    await expect(verify(token)).rejects.toThrow(SignInUnavailable);
    expect(issuer.state.requests).toBe(1);

    issuer.publish(k1);
    later(31_000);
    expect(await verify(token)).toEqual(owner);
    expect(issuer.state.requests).toBe(2);
  });

  it("cannot tell a rotated key from a forged kid while the issuer is down: unavailable, not invalid", async () => {
    const verify = verifierFor(issuer);
    await verify(await tokenFor(issuer, k1));
    await issuer.stop();
    later(31_000);

    await expect(verify(await tokenFor(issuer, k2))).rejects.toThrow(SignInUnavailable);
  });

  it("still calls garbage garbage: a token that does not parse needs no keys", async () => {
    await issuer.stop();
    const verify = verifierFor(issuer);

    await expect(verify("not-a-token")).rejects.toThrow(AuthError);
    await expect(verify("a.b.c")).rejects.toThrow("Your session is not valid. Sign in again.");
  });
});
