import { authedProcedure, operatorProcedure, router } from "@tiffin/kit";
import { roles } from "@tiffin/kit/actor";
import { z } from "zod";
import type { AuthService } from "./domain/auth-service";

const RevokeSessionsInput = z.strictObject({
  // Length first, so no pattern ever runs on a huge string.
  email: z
    .string({ error: "Enter the account's email address." })
    .max(254, "An email address has at most 254 characters.")
    .pipe(z.email({ error: "Enter the account's email address." })),
});

/**
 * The auth service's API: who the caller is (as the verified token says), and for operators, ending an
 * account's sessions. A thin layer over the service (domain/auth-service.ts).
 */
export const createAuthRouter = (svc: AuthService) =>
  router({
    me: authedProcedure(...roles).query(({ ctx }) => ctx.actor),
    /**
     * Revokes every refresh token of the account: each of its sessions ends at its next refresh (within
     * one access token's lifetime, 15 minutes). 404 when no account has that email.
     */
    revokeSessions: operatorProcedure
      .input(RevokeSessionsInput)
      .mutation(({ input }) => svc.revokeSessions(input.email)),
  });

export type AuthRouter = ReturnType<typeof createAuthRouter>;
