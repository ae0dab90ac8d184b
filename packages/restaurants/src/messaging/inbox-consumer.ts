import { OrderCancelRequestedV1 } from "@tiffin/contracts";
import { createQueueConsumer } from "@tiffin/kit/lambda";
import type { RestaurantsService } from "../domain/restaurants-service";

const outcomes = {
  withdrawn: "cancel request: new ticket withdrawn",
  tombstoned: "cancel request before the ticket: withdrawn tombstone saved",
  already_withdrawn: "duplicate cancel request ignored",
  too_late: "cancel request too late: the kitchen had already accepted",
  already_closed: "cancel request for a rejected ticket: nothing to withdraw",
} as const;

/**
 * RestaurantsInbox consumer (DomainEvents, order.cancel-requested): the kitchen decides the cancel/accept
 * race. Idempotent: every outcome is a conditional write, so a redelivery changes nothing more.
 */
export const createInboxConsumer = (svc: RestaurantsService) =>
  createQueueConsumer({
    service: "restaurants",
    schema: OrderCancelRequestedV1,
    handle: async (event, { logger }) => {
      const outcome = await svc.requestCancel(event);
      logger.info(outcomes[outcome], { orderId: event.orderId, restaurantId: event.restaurantId });
    },
  });
