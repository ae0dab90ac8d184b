import { z } from "zod";
import { OrderCancelRequestedV1 } from "./order-cancel-requested.v1";
import { OrderPlacedV1 } from "./order-placed.v1";
import { OrderPlacedV2 } from "./order-placed.v2";
import { RestaurantCatalogPublishedV1 } from "./restaurant-catalog-published.v1";
import { RestaurantCatalogPublishedV2 } from "./restaurant-catalog-published.v2";
import { TicketAcceptedV1, TicketReadyV1, TicketRejectedV1, TicketWithdrawnV1 } from "./ticket-events.v1";

export {
  codePointLabel,
  type HumanTextOptions,
  humanText,
  type RefusedCharacter,
  refusalMessage,
  refusedCharacter,
} from "./human-text";
export { encodeMessageBody } from "./message-body";
export { OrderCancelRequestedV1 } from "./order-cancel-requested.v1";
export {
  type OrderDetailsField,
  orderDetailsFields,
  orderDetailsLimits,
  orderDetailsProblem,
} from "./order-details";
export { OrderPlacedV1 } from "./order-placed.v1";
export { OrderPlacedV2 } from "./order-placed.v2";
export { RestaurantCatalogPublishedV1 } from "./restaurant-catalog-published.v1";
export { RestaurantCatalogPublishedV2 } from "./restaurant-catalog-published.v2";
export {
  isWithinOpeningHours,
  localClock,
  minutesOf,
  type OpeningHoursEntry,
  type StoreAvailability,
  type StoreStateFields,
  storeAvailability,
} from "./store-hours";
export {
  type RejectionReason,
  rejectionReasons,
  TicketAcceptedV1,
  TicketReadyV1,
  TicketRejectedV1,
  TicketWithdrawnV1,
} from "./ticket-events.v1";

/** Every released event contract, keyed by `<type>.v<version>` (also the fixture file name). */
export const contracts = {
  "order.placed.v1": OrderPlacedV1,
  "order.placed.v2": OrderPlacedV2,
  "restaurant.catalog-published.v1": RestaurantCatalogPublishedV1,
  "restaurant.catalog-published.v2": RestaurantCatalogPublishedV2,
  "order.cancel-requested.v1": OrderCancelRequestedV1,
  "ticket.accepted.v1": TicketAcceptedV1,
  "ticket.rejected.v1": TicketRejectedV1,
  "ticket.ready.v1": TicketReadyV1,
  "ticket.withdrawn.v1": TicketWithdrawnV1,
} as const;
export type ContractName = keyof typeof contracts;

/** `order.placed` in any released version: consumers accept each (v2 adds options per line). */
export const OrderPlacedAnyVersion = z.discriminatedUnion("version", [OrderPlacedV1, OrderPlacedV2]);
export type OrderPlacedAnyVersion = z.infer<typeof OrderPlacedAnyVersion>;

/** SNS/SQS message attribute carrying the event type, used by subscription filter policies. */
export const EVENT_TYPE_ATTRIBUTE = "type";

/**
 * The message attributes every event is sent with (SNS Publish and SQS SendMessage take the same shape):
 * its type, which subscription filters match, and its correlation id.
 */
export const eventMessageAttributes = (event: { type: string; correlationId: string }) => ({
  [EVENT_TYPE_ATTRIBUTE]: { DataType: "String", StringValue: event.type },
  correlationId: { DataType: "String", StringValue: event.correlationId },
});

/** A message body as it arrives from SQS: raw JSON, or an SNS envelope when raw delivery is off. */
export const unwrapMessageBody = (body: string): unknown => {
  const parsed: unknown = JSON.parse(body);
  const envelope = z.object({ Type: z.literal("Notification"), Message: z.string() }).safeParse(parsed);
  return envelope.success ? JSON.parse(envelope.data.Message) : parsed;
};
