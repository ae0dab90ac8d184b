import { createApiHandler } from "@tiffin/kit/lambda";
import { createRestaurantsRouter } from "../router";
import { createService } from "../wiring";

export const handler = createApiHandler({
  service: "restaurants",
  router: createRestaurantsRouter(createService()),
});
