import type { NextRequest } from "next/server";
import { AuthNotConfigured, authClient, verifyAccessToken, webOrigins } from "@/auth/config";
import { clearSessionCookies, REFRESH_COOKIE, setSessionCookies } from "@/auth/cookies";
import { isSameOriginRequest, requestOrigin } from "@/auth/origin";
import { json } from "@/auth/responses";

/**
 * `POST /auth/refresh`: trade the refresh cookie for new tokens and rotate both cookies. 200 `{ actor }`;
 * 401 `{ actor: null }` when there is no session to renew (cookies cleared); 503 when the issuer can't
 * be reached (cookies kept: that is not a reason to sign anyone out).
 */
export async function POST(request: NextRequest) {
  const origin = requestOrigin(request, webOrigins());
  if (!origin || !isSameOriginRequest(request, origin))
    return json({ error: "Cross-site request refused." }, 403);

  const refresh = request.cookies.get(REFRESH_COOKIE)?.value;
  if (!refresh) return json({ actor: null }, 401);

  let refreshed: Awaited<ReturnType<ReturnType<typeof authClient>["refresh"]>>;
  try {
    refreshed = await authClient().refresh(refresh);
  } catch (err) {
    if (err instanceof AuthNotConfigured || err instanceof TypeError) {
      return json({ error: "Signing in is temporarily unavailable." }, 503);
    }
    throw err;
  }
  if (refreshed.err || !refreshed.tokens) {
    const response = json({ actor: null }, 401);
    clearSessionCookies(response);
    return response;
  }
  try {
    const actor = await verifyAccessToken(refreshed.tokens.access);
    const response = json({ actor });
    setSessionCookies(response, refreshed.tokens);
    return response;
  } catch {
    const response = json({ actor: null }, 401);
    clearSessionCookies(response);
    return response;
  }
}
