import type { NextRequest } from "next/server";
import { AuthNotConfigured, issuerClient, verifyAccessToken, webOrigins } from "@/auth/config";
import { clearSessionCookies, REFRESH_COOKIE, setSessionCookies } from "@/auth/cookies";
import { refreshTokens } from "@/auth/issuer-client";
import { isSameOriginRequest, requestOrigin } from "@/auth/origin";
import { renewSession, SIGN_IN_UNAVAILABLE } from "@/auth/renew";
import { json } from "@/auth/responses";

/**
 * `POST /auth/refresh`: trade the refresh cookie for new tokens and rotate both cookies. 200 `{ actor }`;
 * 401 `{ actor: null }` when there is no session to renew, or the issuer refused the refresh token
 * (`invalid_grant`: then the cookies are cleared); 503 `{ error }` when the issuer is down, slow or
 * failing (cookies kept: that is no reason to sign anyone out). See `renewSession`.
 */
export async function POST(request: NextRequest) {
  const origin = requestOrigin(request, webOrigins());
  if (!origin || !isSameOriginRequest(request, origin))
    return json({ error: "Cross-site request refused." }, 403);

  let client: ReturnType<typeof issuerClient>;
  try {
    client = issuerClient();
  } catch (err) {
    if (err instanceof AuthNotConfigured) return json({ error: SIGN_IN_UNAVAILABLE }, 503);
    throw err;
  }
  const renewal = await renewSession({
    refreshToken: request.cookies.get(REFRESH_COOKIE)?.value,
    refresh: (token) => refreshTokens(client, token),
    verify: verifyAccessToken,
  });
  const response = json(renewal.body, renewal.status);
  if (renewal.cookies === "clear") clearSessionCookies(response);
  else if (renewal.cookies !== "keep") setSessionCookies(response, renewal.cookies.set);
  return response;
}
