/**
 * The web app's calls to the issuer's token endpoint (code exchange, refresh), with a time limit and an
 * answer that says whose problem it is. Only an explicit refusal of the grant (`invalid_grant`: the
 * refresh token was revoked, used up or expired; the code was used or is not ours) ends a session; the
 * issuer being down, slow, answering 5xx or anything unexpected is "unavailable", and nobody is
 * signed out for that. (OpenAuth's client treats every non-2xx answer as a refused token, and throws
 * on a non-JSON error page.)
 */
import { WEB_CLIENT_ID } from "@tiffin/kit/session";
import { z } from "zod";

export interface IssuedTokens {
  access: string;
  refresh: string;
  expiresIn?: number;
}

export type TokenOutcome =
  | { ok: true; tokens: IssuedTokens }
  /** The issuer refused this grant: the session (or this sign-in attempt) is over. */
  | { ok: false; reason: "refused"; error: string }
  /** No usable answer (unreachable, timed out, 5xx, not OAuth): try again later, keep the session. */
  | { ok: false; reason: "unavailable"; detail: string };

/** How long the issuer gets to answer before the web app stops waiting. */
export const ISSUER_TIMEOUT_MS = 5_000;

const TokenBody = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().optional(),
});
const ErrorBody = z.object({ error: z.string() });

/**
 * Answers that mean "this grant will never work". For a refresh that is `invalid_grant` alone (revoked,
 * used up or expired); a code can also be for another callback or client.
 */
const REFUSALS = {
  refresh_token: new Set(["invalid_grant"]),
  authorization_code: new Set(["invalid_grant", "invalid_redirect_uri", "unauthorized_client"]),
};

export interface IssuerClientOptions {
  issuer: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const requestTokens = async (
  opts: IssuerClientOptions,
  form: { grant_type: keyof typeof REFUSALS } & Record<string, string>,
): Promise<TokenOutcome> => {
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(new URL("/token", opts.issuer), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(opts.timeoutMs ?? ISSUER_TIMEOUT_MS),
      cache: "no-store",
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    return {
      ok: false,
      reason: "unavailable",
      detail: timedOut ? "the issuer did not answer in time" : String(err),
    };
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    const tokens = TokenBody.safeParse(body);
    if (!tokens.success)
      return { ok: false, reason: "unavailable", detail: "the issuer answered without tokens" };
    const { access_token, refresh_token, expires_in } = tokens.data;
    return { ok: true, tokens: { access: access_token, refresh: refresh_token, expiresIn: expires_in } };
  }
  const error = ErrorBody.safeParse(body);
  if (
    res.status >= 400 &&
    res.status < 500 &&
    error.success &&
    REFUSALS[form.grant_type].has(error.data.error)
  ) {
    return { ok: false, reason: "refused", error: error.data.error };
  }
  return { ok: false, reason: "unavailable", detail: `the issuer answered ${res.status}` };
};

/** Trades a refresh token for new tokens (OpenAuth rotates the refresh token). */
export const refreshTokens = (opts: IssuerClientOptions, refreshToken: string) =>
  requestTokens(opts, { grant_type: "refresh_token", refresh_token: refreshToken });

/** Trades the callback's code for tokens, with the PKCE verifier and the redirect URI it was issued for. */
export const exchangeCode = (
  opts: IssuerClientOptions,
  grant: { code: string; redirectUri: string; verifier: string },
) =>
  requestTokens(opts, {
    grant_type: "authorization_code",
    code: grant.code,
    redirect_uri: grant.redirectUri,
    client_id: WEB_CLIENT_ID,
    code_verifier: grant.verifier,
  });
