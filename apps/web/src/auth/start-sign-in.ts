import "server-only";
import type { NextRequest } from "next/server";
import { AuthNotConfigured, authClient, webOrigins } from "./config";
import { setFlowCookie } from "./cookies";
import { encodeFlow } from "./flow";
import { requestOrigin } from "./origin";
import { plain, redirectTo } from "./responses";
import { safeNextPath } from "./safe-next";

export type SignInScreen = "login" | "register";

/**
 * Which of the password provider's screens the issuer opens. OpenAuth 0.4.3's `/authorize` records the
 * attempt (client, redirect URI, state, PKCE challenge) in its cookie and then redirects to
 * `/<provider>/authorize`; it has no parameter for "start on the registration form". The provider value
 * `password/register?` turns that redirect into `/password/register?/authorize`: the same provider, its
 * registration screen, the attempt already recorded. (OpenAuth is pinned; the e2e registration test
 * fails if this stops working. An explicit entry point on the issuer would be the cleaner fix.)
 */
export const providerFor = (screen: SignInScreen): string =>
  screen === "register" ? "password/register?" : "password";

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
    const { url, challenge } = await authClient().authorize(redirectUri, "code", {
      pkce: true,
      provider: providerFor(screen),
    });
    if (!challenge.verifier) throw new Error("PKCE verifier missing");
    const response = redirectTo(url);
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
