import type { TicketAcceptedV1, TicketReadyV1, TicketRejectedV1, TicketWithdrawnV1 } from "@tiffin/contracts";
import type { Order, OrderEstimate, OrderStatus } from "./order";

/**
 * The order state machine. Every transition names the states it may start from; storage applies it as a
 * conditional write on the status it was decided from, so two writers never both move the same order.
 *
 *   placed -> accepted -> ready -> picked_up -> delivered
 *   placed -> rejected
 *   placed -> cancel_requested -> cancelled          (the kitchen withdrew the ticket)
 *                              -> accepted           (the kitchen accepted first: "too late")
 *                              -> rejected           (the kitchen rejected first)
 */
export const allowedFrom = {
  cancel_requested: ["placed"],
  accepted: ["placed", "cancel_requested"],
  rejected: ["placed", "cancel_requested"],
  // A withdrawn ticket always follows a cancel request; `placed` covers a withdrawal for another reason.
  cancelled: ["placed", "cancel_requested"],
  ready: ["accepted"],
  picked_up: ["ready"],
  delivered: ["picked_up"],
} as const satisfies Record<Exclude<OrderStatus, "placed">, readonly OrderStatus[]>;

export type TargetStatus = keyof typeof allowedFrom;

/** No way out of these. */
export const FINAL_STATUSES: readonly OrderStatus[] = ["delivered", "rejected", "cancelled"];
export const isFinal = (status: OrderStatus): boolean => FINAL_STATUSES.includes(status);

/** How far along the main path a status is; a transition to a rank already reached is a repeat. */
const progress: Partial<Record<OrderStatus, number>> = {
  placed: 0,
  cancel_requested: 1,
  accepted: 2,
  ready: 3,
  picked_up: 4,
  delivered: 5,
};

/**
 * What to do with a request to move `current` to `to`:
 * - `apply`: `current` is one of its from-states;
 * - `ignore`: the order is already there, past it, or finished (a duplicate or a late event);
 * - `not_yet`: the order has not reached a state it can start from (an event that overtook an earlier
 *   one); the caller retries later, when the earlier event has been applied.
 */
export const decide = (current: OrderStatus, to: TargetStatus): "apply" | "ignore" | "not_yet" => {
  if ((allowedFrom[to] as readonly OrderStatus[]).includes(current)) return "apply";
  if (isFinal(current)) return "ignore";
  const target = progress[to];
  const now = progress[current];
  // rejected/cancelled have no rank: they only ever start from placed/cancel_requested (handled above).
  if (target === undefined || now === undefined) return "ignore";
  return now >= target ? "ignore" : "not_yet";
};

/** Minutes from "ready" to the door, until delivery reports its own estimate. */
export const DELIVERY_ALLOWANCE_MINUTES = { min: 15, max: 30 } as const;

const plusMinutes = (iso: string, minutes: number) =>
  new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();

const deliveryWindow = (from: string) => ({
  deliveryFrom: plusMinutes(from, DELIVERY_ALLOWANCE_MINUTES.min),
  deliveryTo: plusMinutes(from, DELIVERY_ALLOWANCE_MINUTES.max),
});

export type TicketEvent = TicketAcceptedV1 | TicketRejectedV1 | TicketReadyV1 | TicketWithdrawnV1;

/** What the provider must do when a transition is applied (amounts are always the order's total). */
export type PaymentStep = "capture" | "void" | undefined;

export interface Transition {
  to: TargetStatus;
  /** The order after the step, for an order that is in one of the from-states. */
  next: (order: Order) => Order;
  payment: PaymentStep;
}

const step = (order: Order, status: TargetStatus, at: string, detail?: string): Order => ({
  ...order,
  status,
  timeline: [...order.timeline, detail ? { status, at, detail } : { status, at }],
});

/** A cancel request that ends here resolves with `outcome`. */
const resolveCancellation = (
  order: Order,
  outcome: "cancelled" | "too_late" | "rejected",
  at: string,
): Pick<Order, "cancellation"> =>
  order.cancellation ? { cancellation: { ...order.cancellation, outcome, resolvedAt: at } } : {};

/** The kitchen's answer, as a transition of the order. */
export const ticketTransition = (event: TicketEvent): Transition => {
  switch (event.type) {
    case "ticket.accepted": {
      const estimate: OrderEstimate = {
        prepMinutes: event.prepMinutes,
        readyBy: event.readyBy,
        ...deliveryWindow(event.readyBy),
      };
      return {
        to: "accepted",
        payment: undefined,
        next: (order) => {
          const tooLate = order.status === "cancel_requested";
          return {
            ...step(
              order,
              "accepted",
              event.acceptedAt,
              tooLate
                ? "The restaurant had already accepted your order when you asked to cancel."
                : undefined,
            ),
            estimate,
            ...(tooLate ? resolveCancellation(order, "too_late", event.acceptedAt) : {}),
          };
        },
      };
    }
    case "ticket.rejected":
      return {
        to: "rejected",
        payment: "void",
        next: (order) => ({
          ...step(order, "rejected", event.rejectedAt),
          rejection: {
            reason: event.reason,
            note: event.note,
            automatic: event.automatic,
            at: event.rejectedAt,
          },
          ...resolveCancellation(order, "rejected", event.rejectedAt),
        }),
      };
    case "ticket.ready":
      return {
        to: "ready",
        payment: "capture",
        next: (order) => ({
          ...step(order, "ready", event.readyAt),
          ...(order.estimate
            ? { estimate: { ...order.estimate, readyAt: event.readyAt, ...deliveryWindow(event.readyAt) } }
            : {}),
        }),
      };
    case "ticket.withdrawn":
      return {
        to: "cancelled",
        payment: "void",
        next: (order) => ({
          ...step(order, "cancelled", event.withdrawnAt),
          ...resolveCancellation(order, "cancelled", event.withdrawnAt),
        }),
      };
  }
};

/** Why a customer can no longer cancel, in words they can act on; undefined while they can. */
export const cancelRefusal = (order: Order): string | undefined => {
  const name = order.restaurantName;
  switch (order.status) {
    case "placed":
    case "cancel_requested":
    case "cancelled":
      return undefined;
    case "accepted":
      return `Too late to cancel: ${name} has already accepted your order and is preparing it.`;
    case "ready":
      return `Too late to cancel: ${name} has already prepared your order.`;
    case "picked_up":
      return "Too late to cancel: your order is already on its way.";
    case "delivered":
      return "This order was already delivered, so it can't be cancelled.";
    case "rejected":
      return `${name} couldn't take this order, so there is nothing to cancel. Your card was not charged.`;
  }
};

/** The customer's cancel: placed -> cancel_requested (the kitchen then decides the race). */
export const cancelRequestTransition = (requestedAt: string): Transition => ({
  to: "cancel_requested",
  payment: undefined,
  next: (order) => ({
    ...step(order, "cancel_requested", requestedAt),
    cancellation: { requestedAt, outcome: "pending" },
  }),
});
