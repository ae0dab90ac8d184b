import { createApiHandler } from "@tiffin/kit/lambda";
import { createRestaurantsRouter } from "../router";
import { createService, createVerifier } from "../wiring";

export const handler = createApiHandler({
  service: "restaurants",
  verifyToken: createVerifier(),
  router: createRestaurantsRouter(createService()),
});
