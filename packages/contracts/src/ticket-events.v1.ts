import { z } from "zod";
import { EventMeta } from "./common";

/**
 * The kitchen's answers to a placed order, restaurants -> DomainEvents topic (fanned out to orders and,
 * later, delivery and support). Released: never edit; add a v2 beside the one that changes.
 */
const TicketRef = {
  ...EventMeta,
  orderId: z.string().min(1),
  restaurantId: z.string().min(1),
  shortCode: z.string().min(1),
};

const Point = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

/** Staff accepted the order with a prep time; carries what delivery needs to plan a pick-up. */
export const TicketAcceptedV1 = z.object({
  type: z.literal("ticket.accepted"),
  version: z.literal(1),
  ...TicketRef,
  acceptedAt: z.iso.datetime(),
  prepMinutes: z.number().int().min(1).max(240),
  /** acceptedAt + prepMinutes (+ busy minutes): when the food should be ready. */
  readyBy: z.iso.datetime(),
  pickup: z.object({ name: z.string().min(1), address: z.string(), location: Point }),
  dropoff: z.object({ customerName: z.string(), address: z.string(), notes: z.string(), location: Point }),
});
export type TicketAcceptedV1 = z.infer<typeof TicketAcceptedV1>;

export const rejectionReasons = ["too_busy", "item_unavailable", "closing", "other", "not_answered"] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

/** Staff rejected the order, or nobody answered in time (`automatic`, reason `not_answered`). */
export const TicketRejectedV1 = z.object({
  type: z.literal("ticket.rejected"),
  version: z.literal(1),
  ...TicketRef,
  rejectedAt: z.iso.datetime(),
  reason: z.enum(rejectionReasons),
  /** What staff wrote (reason `other`), shown to the customer as typed. */
  note: z.string().max(300),
  automatic: z.boolean(),
});
export type TicketRejectedV1 = z.infer<typeof TicketRejectedV1>;

/** The food is packed and waiting for pick-up. */
export const TicketReadyV1 = z.object({
  type: z.literal("ticket.ready"),
  version: z.literal(1),
  ...TicketRef,
  readyAt: z.iso.datetime(),
});
export type TicketReadyV1 = z.infer<typeof TicketReadyV1>;

/** The customer's cancellation reached the kitchen before anyone accepted: the ticket is gone. */
export const TicketWithdrawnV1 = z.object({
  type: z.literal("ticket.withdrawn"),
  version: z.literal(1),
  ...TicketRef,
  withdrawnAt: z.iso.datetime(),
});
export type TicketWithdrawnV1 = z.infer<typeof TicketWithdrawnV1>;
