/**
 * Who is calling: verifying the access token the auth issuer signs (every service does it itself; the web
 * app's server does it too). The token's account is `Actor` (./actor.ts, jose-free for the browser).
 */
import { createSubjects } from "@openauthjs/openauth/subject";
import { createLocalJWKSet, type JWTVerifyGetKey, errors as joseErrors, jwtVerify } from "jose";
import { z } from "zod";
import { Actor } from "./actor";
import { ACCESS_COOKIE } from "./session";

export { Actor, type Role, roles } from "./actor";
export { ACCESS_COOKIE, REFRESH_COOKIE, WEB_CLIENT_ID } from "./session";

/** OpenAuth subject schemas: the only subject type is a user, an `Actor`. */
export const subjects = createSubjects({ user: Actor });

/** OpenAuth signs access tokens with ES256; anything else (`none`, HS256 with the public key, …) is refused. */
export const ACCESS_TOKEN_ALGORITHMS = ["ES256"];

/** A token that cannot be accepted (expired, forged, malformed, …): the caller is anonymous, and told why. */
export class AuthError extends Error {
  override name = "AuthError";
}

export const SIGN_IN_UNAVAILABLE = "Sign-in checks are temporarily unavailable; try again in a minute.";

/**
 * The token could not be checked at all: the issuer's keys could not be fetched and none are cached.
 * Not the caller's fault, so not a 401: protected procedures answer 503 and the session is kept.
 */
export class SignInUnavailable extends Error {
  override name = "SignInUnavailable";
  constructor(cause?: unknown) {
    super(SIGN_IN_UNAVAILABLE, { cause });
  }
}

const TokenClaims = z.object({
  mode: z.literal("access"),
  type: z.literal("user"),
  sub: z.string().min(1),
  properties: Actor,
});

export type TokenVerifier = (token: string) => Promise<Actor>;

export interface IssuerKeysOptions {
  /** Keys older than this are refetched; if that fails, the last good set keeps serving. */
  maxAgeMs?: number;
  /** At most one fetch per cooldown, whatever triggers it (stale keys, an unknown `kid`, a failure). */
  cooldownMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

/**
 * The issuer's published keys (`/.well-known/jwks.json`), kept so that the issuer being down does not sign
 * everybody out: the last good key set serves until a fetch succeeds again. An unknown `kid` triggers a
 * refetch (the issuer may have rotated its key), at most once per cooldown, so forged kids cannot make us
 * hammer the issuer. Throws SignInUnavailable when no key set was ever had, or when the key a token names
 * cannot be looked up because the issuer does not answer.
 */
export const createIssuerKeys = (jwksUrl: URL, opts: IssuerKeysOptions = {}): JWTVerifyGetKey => {
  const { maxAgeMs = 600_000, cooldownMs = 30_000, timeoutMs = 5_000, now = () => Date.now() } = opts;
  let keys: JWTVerifyGetKey | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let attemptedAt = Number.NEGATIVE_INFINITY;
  let lastError: unknown;
  let pending: Promise<void> | undefined;

  const fetchKeys = async () => {
    const res = await fetch(jwksUrl, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`The issuer's key set answered HTTP ${res.status}.`);
    // createLocalJWKSet refuses a malformed set, so a broken answer never replaces good keys.
    return createLocalJWKSet(await res.json());
  };

  /** Joins the fetch in flight, or starts one if the cooldown allows; resolves whether keys were fetched. */
  const refresh = async (): Promise<boolean> => {
    if (!pending && now() - attemptedAt < cooldownMs) return false;
    pending ??= (async () => {
      attemptedAt = now();
      try {
        keys = await fetchKeys();
        fetchedAt = now();
        lastError = undefined;
      } catch (err) {
        lastError = err;
      } finally {
        pending = undefined;
      }
    })();
    await pending;
    return lastError === undefined;
  };

  return async (header, token) => {
    if (!keys || now() - fetchedAt >= maxAgeMs) await refresh();
    const current = keys;
    if (!current) throw new SignInUnavailable(lastError);
    try {
      return await current(header, token);
    } catch (err) {
      if (!(err instanceof joseErrors.JWKSNoMatchingKey)) throw err;
      if (await refresh()) return (keys ?? current)(header, token);
      // The issuer did not answer: a new key and a forged kid look the same, so we cannot say "invalid".
      if (lastError !== undefined) throw new SignInUnavailable(lastError);
      throw err;
    }
  };
};

/**
 * Verifies an access token: signature against the issuer's published keys, issuer, audience, expiry and
 * the algorithm allow-list. Throws AuthError for a token that is not acceptable, SignInUnavailable when it
 * cannot be checked right now.
 */
export const createTokenVerifier = (opts: {
  issuer: string;
  audience: string;
  keys?: JWTVerifyGetKey;
  keyCache?: IssuerKeysOptions;
}): TokenVerifier => {
  const issuer = new URL(opts.issuer).origin;
  const keys = opts.keys ?? createIssuerKeys(new URL("/.well-known/jwks.json", issuer), opts.keyCache);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer,
        audience: opts.audience,
        algorithms: ACCESS_TOKEN_ALGORITHMS,
        requiredClaims: ["exp", "sub"],
      });
      const claims = TokenClaims.parse(payload);
      if (claims.properties.id !== claims.sub)
        throw new AuthError("Token subject does not match its account.");
      return claims.properties;
    } catch (err) {
      if (err instanceof SignInUnavailable || err instanceof AuthError) throw err;
      if (err instanceof joseErrors.JWTExpired)
        throw new AuthError("Your session has expired. Sign in again.");
      throw new AuthError("Your session is not valid. Sign in again.");
    }
  };
};

/** `%`-decoding that never throws: a malformed value is kept as sent (and then fails verification). */
const decodeCookieValue = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/**
 * The bearer token of a request: the Authorization header, else the web app's access cookie. Never throws:
 * whatever garbage a client sends, the worst outcome is a token that fails verification.
 */
export const tokenFromRequest = (
  headers: Record<string, string | undefined>,
  cookies: string[] | undefined,
): string | undefined => {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
  if (bearer) return bearer;
  for (const cookie of cookies ?? []) {
    const [name, ...value] = cookie.trim().split("=");
    if (name === ACCESS_COOKIE && value.length) return decodeCookieValue(value.join("=")) || undefined;
  }
  return undefined;
};
