import { createApiHandler } from "@tiffin/kit/lambda";
import { createOrdersRouter } from "../router";
import { createService, createVerifier } from "../wiring";

export const handler = createApiHandler({
  service: "orders",
  verifyToken: createVerifier(),
  router: createOrdersRouter(createService()),
});
