import { z } from "zod";
import { EventMeta } from "./common";

/**
 * orders -> DomainEvents topic -> restaurants: the customer asked to cancel an order that was not yet
 * accepted as far as orders knew. The kitchen ticket decides the race: if it is still new it is withdrawn
 * (`ticket.withdrawn`), if staff accepted first the order goes on (`ticket.accepted` was already sent).
 * Released: never edit; add a v2 beside it.
 */
export const OrderCancelRequestedV1 = z.object({
  type: z.literal("order.cancel-requested"),
  version: z.literal(1),
  ...EventMeta,
  orderId: z.string().min(1),
  restaurantId: z.string().min(1),
  requestedAt: z.iso.datetime(),
});
export type OrderCancelRequestedV1 = z.infer<typeof OrderCancelRequestedV1>;
