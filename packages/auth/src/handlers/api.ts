import { createApiHandler } from "@tiffin/kit/lambda";
import { createAuthRouter } from "../router";
import { createVerifier } from "../wiring";

export const handler = createApiHandler({
  service: "auth",
  router: createAuthRouter(),
  verifyToken: createVerifier(),
});
