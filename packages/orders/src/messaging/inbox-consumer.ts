import {
  RestaurantCatalogPublishedV1,
  RestaurantCatalogPublishedV2,
  TicketAcceptedV1,
  TicketReadyV1,
  TicketRejectedV1,
  TicketWithdrawnV1,
} from "@tiffin/contracts";
import { createQueueConsumer } from "@tiffin/kit/lambda";
import { z } from "zod";
import type { OrdersService } from "../domain/orders-service";

/** Everything OrdersInbox carries (its subscription filters the topic on these types). */
export const OrdersInboxEvent = z.union([
  RestaurantCatalogPublishedV1,
  RestaurantCatalogPublishedV2,
  TicketAcceptedV1,
  TicketRejectedV1,
  TicketReadyV1,
  TicketWithdrawnV1,
]);

/**
 * OrdersInbox consumer. Catalog snapshots (v1 or v2) keep the menu replica current (stale or repeated
 * ones change nothing); the kitchen's ticket events move orders through their states, once each (a
 * duplicate or a late event changes nothing; one that overtook an earlier event is retried later).
 */
export const createInboxConsumer = (svc: OrdersService) =>
  createQueueConsumer({
    service: "orders",
    schema: OrdersInboxEvent,
    handle: async (event, { logger }) => {
      if (event.type === "restaurant.catalog-published") {
        const outcome = await svc.applyCatalog(event);
        logger.info(outcome === "applied" ? "menu replica updated" : "stale catalog snapshot ignored", {
          restaurantId: event.restaurant.id,
          revision: event.revision,
          version: event.version,
        });
        return;
      }
      await svc.applyTicketEvent(event, logger);
    },
  });
