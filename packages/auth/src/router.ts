import { authedProcedure, operatorProcedure, router } from "@tiffin/kit";
import { roles } from "@tiffin/kit/auth";
import { z } from "zod";
import type { revokeSessions } from "./domain/sessions";

export interface AuthRouterDeps {
  /** Ends every session of an account (revokes its refresh tokens). */
  revokeSessions: ReturnType<typeof revokeSessions>;
}

const RevokeSessionsInput = z.strictObject({
  // Length first, so no pattern ever runs on a huge string.
  email: z
    .string({ error: "Enter the account's email address." })
    .max(254, "An email address has at most 254 characters.")
    .pipe(z.email({ error: "Enter the account's email address." })),
});

/**
 * The auth service's API: who the caller is (as the verified token says), and for operators, ending an
 * account's sessions. A thin layer: the real adapters come from wiring.ts through handlers/api.ts.
 */
export const createAuthRouter = (deps: AuthRouterDeps) => {
  return router({
    me: authedProcedure(...roles).query(({ ctx }) => ctx.actor),
    /**
     * Revokes every refresh token of the account: each of its sessions ends at its next refresh (within
     * one access token's lifetime, 15 minutes). 404 when no account has that email.
     */
    revokeSessions: operatorProcedure
      .input(RevokeSessionsInput)
      .mutation(({ input }) => deps.revokeSessions(input.email)),
  });
};

export type AuthRouter = ReturnType<typeof createAuthRouter>;
