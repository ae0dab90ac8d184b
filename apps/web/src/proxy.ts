import { type NextRequest, NextResponse } from "next/server";
import { issuerOrigin, mediaUploadOrigin } from "./auth/env";
import { contentSecurityPolicy, newNonce } from "./security/csp";

/**
 * Every response gets a Content-Security-Policy with a fresh nonce. The policy is also put on the request
 * so Next stamps the nonce on its own scripts while rendering (which is why every page renders per
 * request: see the root layout). The other security headers are static and live in next.config.ts.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    issuer: issuerOrigin(),
    uploads: mediaUploadOrigin(),
    dev: process.env.NODE_ENV === "development",
    https: request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:",
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Hashed build assets are plain files: no document, nothing for a policy to protect.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
