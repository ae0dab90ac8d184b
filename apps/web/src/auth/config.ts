import "server-only";
import { createClient } from "@openauthjs/openauth/client";
import { createTokenVerifier, type TokenVerifier } from "@tiffin/kit/auth";
import { WEB_CLIENT_ID } from "@tiffin/kit/session";
import { issuerOrigin } from "./env";

export { showDemoAccounts, webOrigins } from "./env";

export class AuthNotConfigured extends Error {
  override name = "AuthNotConfigured";
}

const requireIssuer = (): string => {
  const issuer = issuerOrigin();
  if (!issuer) throw new AuthNotConfigured("TIFFIN_AUTH_ISSUER is not set to the issuer's URL.");
  return issuer;
};

let client: { issuer: string; value: ReturnType<typeof createClient> } | undefined;
let verifier: { issuer: string; value: TokenVerifier } | undefined;

/** Where the web app's token requests go (see issuer-client.ts). */
export const issuerClient = () => ({ issuer: requireIssuer() });

/** The OpenAuth client for the web app: a public client (PKCE, no secret); builds authorize URLs. */
export const authClient = () => {
  const issuer = requireIssuer();
  if (client?.issuer !== issuer)
    client = { issuer, value: createClient({ clientID: WEB_CLIENT_ID, issuer }) };
  return client.value;
};

/** Verifies access tokens exactly as the services do (signature, issuer, audience, expiry, algorithm). */
export const verifyAccessToken: TokenVerifier = (token) => {
  const issuer = requireIssuer();
  if (verifier?.issuer !== issuer) {
    verifier = { issuer, value: createTokenVerifier({ issuer, audience: WEB_CLIENT_ID }) };
  }
  return verifier.value(token);
};
