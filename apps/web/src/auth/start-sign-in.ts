import "server-only";
import type { NextRequest } from "next/server";
import { AuthNotConfigured, authClient, webOrigins } from "./config";
import { setFlowCookie } from "./cookies";
import { encodeFlow } from "./flow";
import { requestOrigin } from "./origin";
import { plain, redirectTo } from "./responses";
import { safeNextPath } from "./safe-next";
import { authorizeUrlFor, type SignInScreen } from "./sign-in-screen";

/**
 * `/auth/login` and `/auth/register`: remember this attempt (state, PKCE verifier, destination) in an
 * HttpOnly cookie and send the browser to the issuer's password form. The redirect URI is this site's
 * `/auth/callback` on the origin the browser used.
 */
export const startSignIn = async (request: NextRequest, screen: SignInScreen) => {
  const origin = requestOrigin(request, webOrigins());
  if (!origin) return plain("This address can't be used to sign in to Tiffin.", 400);
  const next = safeNextPath(request.nextUrl.searchParams.get("next"));
  const redirectUri = `${origin}/auth/callback`;
  try {
    const { url, challenge } = await authClient().authorize(redirectUri, "code", { pkce: true });
    if (!challenge.verifier) throw new Error("PKCE verifier missing");
    const response = redirectTo(authorizeUrlFor(url, screen));
    setFlowCookie(
      response,
      encodeFlow({ state: challenge.state, verifier: challenge.verifier, next, redirectUri }),
    );
    return response;
  } catch (err) {
    if (err instanceof AuthNotConfigured) return plain("Signing in isn't available right now.", 503);
    throw err;
  }
};
