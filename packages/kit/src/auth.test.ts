import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, createTokenVerifier, tokenFromRequest, WEB_CLIENT_ID } from "./auth";

const ISSUER = "http://127.0.0.1:3020";
const owner: Actor = {
  id: "acct-1",
  email: "owner@bombay.tiffin.test",
  name: "Owner",
  role: "restaurant",
  restaurants: [{ id: "bombay-tiffin-house", role: "owner" }],
};

let issuerKey: KeyLike;
let strangerKey: KeyLike;
let verify: ReturnType<typeof createTokenVerifier>;
let publicJwk: JWK;

/** A token shaped exactly like OpenAuth's access tokens, with parts overridable to forge bad ones. */
const token = async (opts: {
  key?: KeyLike;
  alg?: string;
  aud?: string;
  iss?: string;
  sub?: string;
  exp?: number;
  properties?: unknown;
}) =>
  new SignJWT({ mode: "access", type: "user", properties: opts.properties ?? owner })
    .setProtectedHeader({ alg: opts.alg ?? "ES256", kid: "k1", typ: "JWT" })
    .setSubject(opts.sub ?? owner.id)
    .setAudience(opts.aud ?? WEB_CLIENT_ID)
    .setIssuer(opts.iss ?? ISSUER)
    .setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 900)
    .sign(opts.key ?? issuerKey);

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

beforeAll(async () => {
  const pair = await generateKeyPair("ES256");
  issuerKey = pair.privateKey;
  strangerKey = (await generateKeyPair("ES256")).privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
  verify = createTokenVerifier({
    issuer: ISSUER,
    audience: WEB_CLIENT_ID,
    keys: createLocalJWKSet({ keys: [publicJwk] }),
  });
});

describe("access token verification", () => {
  it("accepts a token signed by the issuer and returns who it is", async () => {
    expect(await verify(await token({}))).toEqual(owner);
  });

  it.each([
    [
      "expired",
      () => token({ exp: Math.floor(Date.now() / 1000) - 60 }),
      "Your session has expired. Sign in again.",
    ],
    [
      "signed by another key (forged)",
      () => token({ key: strangerKey }),
      "Your session is not valid. Sign in again.",
    ],
    [
      "for another audience",
      () => token({ aud: "someone-else" }),
      "Your session is not valid. Sign in again.",
    ],
    [
      "from another issuer",
      () => token({ iss: "http://127.0.0.1:9999" }),
      "Your session is not valid. Sign in again.",
    ],
    [
      "whose subject is not its account",
      () => token({ sub: "acct-2" }),
      "Token subject does not match its account.",
    ],
    [
      "with properties that are not an account",
      () => token({ properties: { role: "admin" } }),
      "Your session is not valid. Sign in again.",
    ],
  ])("refuses a token %s", async (_case, make, message) => {
    await expect(verify(await make())).rejects.toThrow(message);
  });

  it("refuses alg:none, even with valid-looking claims", async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64url({ alg: "none", typ: "JWT" })}.${b64url({
      mode: "access",
      type: "user",
      properties: owner,
      sub: owner.id,
      aud: WEB_CLIENT_ID,
      iss: ISSUER,
      exp: now + 900,
    })}.`;
    await expect(verify(unsigned)).rejects.toThrow("Your session is not valid");
  });

  it("refuses HS256 signed with the issuer's public key (algorithm confusion)", async () => {
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const confused = await new SignJWT({ mode: "access", type: "user", properties: owner })
      .setProtectedHeader({ alg: "HS256", kid: "k1" })
      .setSubject(owner.id)
      .setAudience(WEB_CLIENT_ID)
      .setIssuer(ISSUER)
      .setExpirationTime("15m")
      .sign(secret);
    await expect(verify(confused)).rejects.toThrow("Your session is not valid");
  });

  it("refuses garbage", async () => {
    await expect(verify("not-a-token")).rejects.toThrow("Your session is not valid");
  });
});

describe("finding the token on a request", () => {
  it("prefers the Authorization header, else reads the access cookie", () => {
    expect(tokenFromRequest({ authorization: "Bearer abc" }, ["tiffin_access=def"])).toBe("abc");
    expect(tokenFromRequest({}, ["other=1", "tiffin_access=def"])).toBe("def");
    expect(tokenFromRequest({ authorization: "Basic xyz" }, undefined)).toBeUndefined();
  });

  it("never throws on a cookie that is not valid percent-encoding: it is kept as sent, to fail verification", () => {
    expect(tokenFromRequest({}, ["tiffin_access=%E0%A4%A"])).toBe("%E0%A4%A");
    expect(tokenFromRequest({}, ["tiffin_access=%"])).toBe("%");
    expect(tokenFromRequest({}, ["tiffin_access="])).toBeUndefined();
  });
});
