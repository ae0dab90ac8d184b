import type { NextRequest } from "next/server";
import { AuthNotConfigured, authClient, verifyAccessToken } from "@/auth/config";
import { clearFlowCookie, FLOW_COOKIE, setSessionCookies } from "@/auth/cookies";
import { CallbackQuery, decodeFlow } from "@/auth/flow";
import { backToSignIn, redirectWithin } from "@/auth/responses";

/**
 * The issuer sends the browser back here with a one-time code. It is exchanged (with the PKCE verifier
 * from this browser's flow cookie) for an access and a refresh token, which are stored in HttpOnly
 * cookies; the tokens never reach page scripts or a URL.
 */
export async function GET(request: NextRequest) {
  const flow = decodeFlow(request.cookies.get(FLOW_COOKIE)?.value);
  const query = CallbackQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  const finish = (response: ReturnType<typeof redirectWithin>) => {
    clearFlowCookie(response);
    return response;
  };

  // No attempt in progress in this browser (expired, another tab finished it, or a forged link).
  if (!flow) return finish(backToSignIn("expired", "/"));
  if (!query.success) return finish(backToSignIn("failed", flow.next));
  if ("error" in query.data) {
    return finish(backToSignIn(query.data.error === "access_denied" ? "denied" : "failed", flow.next));
  }
  if (query.data.state !== flow.state) return finish(backToSignIn("expired", flow.next));

  try {
    const exchanged = await authClient().exchange(query.data.code, flow.redirectUri, flow.verifier);
    if (exchanged.err) return finish(backToSignIn("failed", flow.next));
    // The same checks every service makes, so a token the services would refuse never becomes a session.
    await verifyAccessToken(exchanged.tokens.access);
    const response = finish(redirectWithin(flow.next));
    setSessionCookies(response, exchanged.tokens);
    return response;
  } catch (err) {
    if (err instanceof AuthNotConfigured || err instanceof TypeError) {
      // TypeError: fetch could not reach the issuer.
      return finish(backToSignIn("unavailable", flow.next));
    }
    return finish(backToSignIn("failed", flow.next));
  }
}
