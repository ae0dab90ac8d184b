import { OrderPlacedAnyVersion } from "@tiffin/contracts";
import { createQueueConsumer } from "@tiffin/kit/lambda";
import type { RestaurantsService } from "../domain/restaurants-service";

/**
 * FulfillmentQueue consumer: each OrderPlaced (v1, or v2 with chosen options) becomes one kitchen ticket;
 * redeliveries, and orders the customer withdrew before they arrived, are no-ops.
 */
export const createFulfillmentConsumer = (svc: RestaurantsService) =>
  createQueueConsumer({
    service: "restaurants",
    schema: OrderPlacedAnyVersion,
    handle: async (event, { logger }) => {
      const outcome = await svc.receiveOrder(event);
      logger.info(outcome === "created" ? "kitchen ticket created" : "duplicate OrderPlaced ignored", {
        orderId: event.orderId,
        restaurantId: event.restaurantId,
      });
    },
  });
