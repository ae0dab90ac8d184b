/**
 * `POST /auth/refresh`, decided: trade the refresh cookie for new tokens. Only the issuer's refusal of
 * the refresh token (`invalid_grant`) ends the session; an issuer that is down, slow or failing keeps
 * the cookies and says sign-in is temporarily unavailable. Kept apart from the route (no Next, no
 * environment), so each case is unit-tested.
 */
import type { Actor } from "@tiffin/kit/actor";
import { SIGN_IN_UNAVAILABLE } from "../session/session";
import type { IssuedTokens, TokenOutcome } from "./issuer-client";

export { SIGN_IN_UNAVAILABLE };

export type Renewal =
  /** Rotated: new cookies, and who is signed in. */
  | { status: 200; body: { actor: Actor }; cookies: { set: IssuedTokens } }
  /** Nothing to renew (no refresh cookie): nothing to change either. */
  | { status: 401; body: { actor: null }; cookies: "keep" }
  /** The issuer refused the refresh token: the session is over. */
  | { status: 401; body: { actor: null }; cookies: "clear" }
  /** The issuer could not be used: the session stays (with rotated tokens if the issuer issued them). */
  | { status: 503; body: { error: string }; cookies: "keep" | { set: IssuedTokens } };

export const renewSession = async (deps: {
  refreshToken: string | undefined;
  refresh: (refreshToken: string) => Promise<TokenOutcome>;
  verify: (accessToken: string) => Promise<Actor>;
}): Promise<Renewal> => {
  if (!deps.refreshToken) return { status: 401, body: { actor: null }, cookies: "keep" };
  const outcome = await deps
    .refresh(deps.refreshToken)
    .catch((err: unknown): TokenOutcome => ({ ok: false, reason: "unavailable", detail: String(err) }));
  if (!outcome.ok) {
    return outcome.reason === "refused"
      ? { status: 401, body: { actor: null }, cookies: "clear" }
      : { status: 503, body: { error: SIGN_IN_UNAVAILABLE }, cookies: "keep" };
  }
  try {
    const actor = await deps.verify(outcome.tokens.access);
    return { status: 200, body: { actor }, cookies: { set: outcome.tokens } };
  } catch {
    // The issuer rotated the refresh token: store the new one whatever happens, or the chain breaks
    // (the old one is spent). A token that fails our checks is our problem, not the person's: keep them
    // signed in and say so rather than sign them out.
    return { status: 503, body: { error: SIGN_IN_UNAVAILABLE }, cookies: { set: outcome.tokens } };
  }
};
