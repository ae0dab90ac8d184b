import type { NextRequest } from "next/server";
import { AuthNotConfigured, issuerClient, verifyAccessToken } from "@/auth/config";
import { clearFlowCookie, FLOW_COOKIE, setSessionCookies } from "@/auth/cookies";
import { CallbackQuery, decodeFlow } from "@/auth/flow";
import { exchangeCode } from "@/auth/issuer-client";
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

  let client: ReturnType<typeof issuerClient>;
  try {
    client = issuerClient();
  } catch (err) {
    if (err instanceof AuthNotConfigured) return finish(backToSignIn("unavailable", flow.next));
    throw err;
  }
  const exchanged = await exchangeCode(client, {
    code: query.data.code,
    redirectUri: flow.redirectUri,
    verifier: flow.verifier,
  });
  // The issuer down, slow or failing is not the person's failure: "try again in a moment".
  if (!exchanged.ok) {
    return finish(backToSignIn(exchanged.reason === "refused" ? "failed" : "unavailable", flow.next));
  }
  try {
    // The same checks every service makes, so a token the services would refuse never becomes a session.
    await verifyAccessToken(exchanged.tokens.access);
  } catch {
    return finish(backToSignIn("failed", flow.next));
  }
  const response = finish(redirectWithin(flow.next));
  setSessionCookies(response, exchanged.tokens);
  return response;
}
