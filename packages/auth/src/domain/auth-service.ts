import type { AccountRepository, RefreshTokens } from "./ports";
import { revokeSessions } from "./sessions";

export interface AuthDeps {
  accounts: AccountRepository;
  /** OpenAuth's refresh tokens, per account: revoking them ends the account's sessions. */
  refreshTokens: RefreshTokens;
}

/**
 * The auth service's API operations, built from its ports (as every service's `create<Name>Service`):
 * the router calls these, wiring.ts hands in the real adapters, tests hand in fakes. Sign-in itself is
 * the issuer's (../issuer/app.ts), which has its own deps.
 */
export const createAuthService = (deps: AuthDeps) => ({
  /** Ends every session of the account with that email (revokes its refresh tokens); 404 if none. */
  revokeSessions: revokeSessions(deps),
});

export type AuthService = ReturnType<typeof createAuthService>;
