/**
 * Sessions are refresh-token chains (OpenAuth keeps them per account id). Two rules keep them honest:
 * every refresh re-reads the account, so a changed role or restaurant membership (or a removed or
 * disabled account) takes effect within one access token's lifetime; and an operator can end every
 * session of an account at once (the same revocation a password reset does).
 */
import type { Actor } from "@tiffin/kit/actor";
import { DomainError } from "@tiffin/kit/domain-error";
import { actorOf, normalizeEmail } from "./accounts";
import type { AccountRepository, RefreshTokens } from "./ports";

/**
 * What a refreshed token should say about its holder: the account as it is now, or undefined when the
 * account no longer exists, was disabled, or its email now belongs to another account.
 */
export const currentActor =
  ({ accounts }: { accounts: AccountRepository }) =>
  async (subject: string, email: string): Promise<Actor | undefined> => {
    const account = await accounts.byEmail(normalizeEmail(email));
    if (!account || account.disabled || account.id !== subject) return undefined;
    return actorOf(account);
  };

/** Revokes every refresh token of the account with `email`: its sessions end at their next refresh. */
export const revokeSessions =
  (deps: { accounts: AccountRepository; refreshTokens: RefreshTokens }) =>
  async (rawEmail: string): Promise<{ email: string; revoked: number }> => {
    const email = normalizeEmail(rawEmail);
    const account = await deps.accounts.byEmail(email);
    if (!account) throw new DomainError("not_found", `There is no account with the email ${email}.`);
    return { email, revoked: await deps.refreshTokens.revokeAll(account.id) };
  };
