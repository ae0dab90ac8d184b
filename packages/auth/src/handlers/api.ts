import { createApiHandler } from "@tiffin/kit/lambda";
import { createAuthRouter } from "../router";
import { createService, createVerifier } from "../wiring";

export const handler = createApiHandler({
  service: "auth",
  verifyToken: createVerifier(),
  router: createAuthRouter(createService()),
});
