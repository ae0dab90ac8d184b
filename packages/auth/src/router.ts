import { authedProcedure, router } from "@tiffin/kit";
import { roles } from "@tiffin/kit/auth";

/** The auth service's API: who the caller is, as the token the caller sent says (verified). */
export const createAuthRouter = () =>
  router({
    me: authedProcedure(...roles).query(({ ctx }) => ctx.actor),
  });

export type AuthRouter = ReturnType<typeof createAuthRouter>;
