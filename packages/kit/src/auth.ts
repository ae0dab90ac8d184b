/**
 * Who is calling: the token contract shared by the auth issuer (which signs it), every service (which
 * verifies it itself) and the web app (which only carries it in an HttpOnly cookie).
 */
import { createSubjects } from "@openauthjs/openauth/subject";
import { createRemoteJWKSet, type JWTVerifyGetKey, errors as joseErrors, jwtVerify } from "jose";
import { z } from "zod";

export const roles = ["customer", "restaurant", "courier", "agent", "operator"] as const;
export type Role = (typeof roles)[number];

export const Actor = z.object({
  /** Stable account id (the token subject). */
  id: z.string().min(1),
  email: z.email(),
  name: z.string(),
  role: z.enum(roles),
  /** For restaurant staff: the restaurants they work for, and as what. */
  restaurants: z.array(z.object({ id: z.string(), role: z.enum(["owner", "staff"]) })),
});
export type Actor = z.infer<typeof Actor>;

/** OpenAuth subject schemas: the only subject type is a user with the properties above. */
export const subjects = createSubjects({ user: Actor });

/** The web app's OAuth client id; also the access token's audience every service requires. */
export const WEB_CLIENT_ID = "tiffin-web";
export const ACCESS_COOKIE = "tiffin_access";
export const REFRESH_COOKIE = "tiffin_refresh";
/** OpenAuth signs access tokens with ES256; anything else (`none`, HS256 with the public key, …) is refused. */
export const ACCESS_TOKEN_ALGORITHMS = ["ES256"];

export class AuthError extends Error {
  override name = "AuthError";
}

const TokenClaims = z.object({
  mode: z.literal("access"),
  type: z.literal("user"),
  sub: z.string().min(1),
  properties: Actor,
});

export type TokenVerifier = (token: string) => Promise<Actor>;

/**
 * Verifies an access token: signature against the issuer's published keys, issuer, audience, expiry and
 * the algorithm allow-list. Keys are fetched once and cached by jose (and refetched on an unknown `kid`).
 */
export const createTokenVerifier = (opts: {
  issuer: string;
  audience: string;
  keys?: JWTVerifyGetKey;
}): TokenVerifier => {
  const issuer = new URL(opts.issuer).origin;
  const keys =
    opts.keys ?? createRemoteJWKSet(new URL("/.well-known/jwks.json", issuer), { cooldownDuration: 30_000 });
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
      if (err instanceof joseErrors.JWTExpired)
        throw new AuthError("Your session has expired. Sign in again.");
      if (err instanceof AuthError) throw err;
      throw new AuthError("Your session is not valid. Sign in again.");
    }
  };
};

/** The bearer token of a request: the Authorization header, else the web app's access cookie. */
export const tokenFromRequest = (
  headers: Record<string, string | undefined>,
  cookies: string[] | undefined,
) => {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
  if (bearer) return bearer;
  for (const cookie of cookies ?? []) {
    const [name, ...value] = cookie.trim().split("=");
    if (name === ACCESS_COOKIE && value.length) return decodeURIComponent(value.join("="));
  }
  return undefined;
};
