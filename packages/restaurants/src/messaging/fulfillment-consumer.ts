import { OrderPlacedV1 } from "@tiffin/contracts";
import { createQueueConsumer } from "@tiffin/kit/lambda";
import type { RestaurantsService } from "../domain/restaurants-service";

/** FulfillmentQueue consumer: each OrderPlaced becomes one kitchen ticket (redeliveries are no-ops). */
export const createFulfillmentConsumer = (svc: RestaurantsService) =>
  createQueueConsumer({
    service: "restaurants",
    schema: OrderPlacedV1,
    handle: async (event, { logger }) => {
      const outcome = await svc.receiveOrder(event);
      logger.info(outcome === "created" ? "kitchen ticket created" : "duplicate OrderPlaced ignored", {
        orderId: event.orderId,
        restaurantId: event.restaurantId,
      });
    },
  });
