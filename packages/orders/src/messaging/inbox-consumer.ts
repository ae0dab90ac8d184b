import { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import { createQueueConsumer } from "@tiffin/kit/lambda";
import type { OrdersService } from "../domain/orders-service";

/** OrdersInbox consumer: catalog snapshots keep the menu replica current (stale or repeated ones change nothing). */
export const createInboxConsumer = (svc: OrdersService) =>
  createQueueConsumer({
    service: "orders",
    schema: RestaurantCatalogPublishedV1,
    handle: async (event, { logger }) => {
      const outcome = await svc.applyCatalog(event);
      logger.info(outcome === "applied" ? "menu replica updated" : "stale catalog snapshot ignored", {
        restaurantId: event.restaurant.id,
        revision: event.revision,
      });
    },
  });
