import { createApiHandler } from "@tiffin/kit/lambda";
import { createAuthRouter } from "../router";
import { createApiDeps, createVerifier } from "../wiring";

export const handler = createApiHandler({
  service: "auth",
  router: createAuthRouter(createApiDeps()),
  verifyToken: createVerifier(),
});
