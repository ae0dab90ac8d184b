import type {
  OrderPlacedAnyVersion,
  RejectionReason,
  TicketAcceptedV1,
  TicketReadyV1,
  TicketRejectedV1,
  TicketWithdrawnV1,
} from "@tiffin/contracts";
import { localClock } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import { dropoffPoint } from "./dropoff";
import type { GeoPoint } from "./store";

/**
 * A kitchen ticket's life: new -> accepted -> ready -> done (done = picked up, set by delivery later);
 * new -> rejected (by staff, or by the timer when nobody answered); new -> withdrawn (the customer's cancel
 * reached the kitchen first). Each step here is a pure function that refuses a wrong step with a 409 a person
 * can act on; storage makes each one a conditional write on the status it starts from.
 */
export type TicketStatus = "new" | "accepted" | "ready" | "done" | "rejected" | "withdrawn";

/** The reasons staff may give; `not_answered` is the timer's alone. */
export const staffRejectionReasons = ["too_busy", "item_unavailable", "closing", "other"] as const;
export type StaffRejectionReason = (typeof staffRejectionReasons)[number];

export const PREP_MINUTES = { min: 5, max: 90 } as const;
export const REJECTION_NOTE_MAX = 300;

export interface TicketLine {
  itemId: string;
  name: string;
  quantity: number;
  /** Chosen options, as "Spice level: Hot" reads on the ticket (order.placed v2; none from v1). */
  options: { groupName: string; name: string }[];
}

export interface TicketRejection {
  reason: RejectionReason;
  note: string;
  automatic: boolean;
}

export interface KitchenTicket {
  orderId: string;
  shortCode: string;
  restaurantId: string;
  status: TicketStatus;
  placedAt: string;
  receivedAt: string;
  customerName: string;
  /** Where the food goes: kept for the courier's drop-off (ticket.accepted). */
  deliveryAddress: string;
  deliveryNotes: string;
  lines: TicketLine[];
  itemCount: number;
  totalCents: number;
  correlationId: string;
  /** The restaurant's time zone when the order arrived: its days are the sales and "done today" days. */
  timeZone: string;
  /** The restaurant's calendar date when the order was placed: the sales day it counts toward. */
  salesDay: string;
  /** Rejected automatically (not_answered) if still new at this instant. */
  answerBy: string;
  acceptedAt?: string;
  prepMinutes?: number;
  /** When staff said the food would be ready (acceptedAt + prep, + busy minutes). */
  readyBy?: string;
  readyAt?: string;
  rejectedAt?: string;
  rejection?: TicketRejection;
  withdrawnAt?: string;
  /** The restaurant's date the ticket left the kitchen's hands (rejected, withdrawn, done): "done today". */
  closedDay?: string;
}

/** The board's sections: new; preparing (accepted); ready; done (done, rejected or withdrawn) by day. */
export const ticketLanes = ["new", "preparing", "ready", "done"] as const;
export type TicketLane = (typeof ticketLanes)[number];

export const laneOf = (status: TicketStatus): TicketLane =>
  status === "new" ? "new" : status === "accepted" ? "preparing" : status === "ready" ? "ready" : "done";

/** The restaurant's calendar date ("2026-11-27") at `at`. */
export const localDate = (timeZone: string, at: Date): string => localClock(timeZone, at).date;

/** A placed order (any version of the contract) becomes exactly one ticket for its restaurant's kitchen. */
export const ticketFromOrder = (
  event: OrderPlacedAnyVersion,
  receivedAt: Date,
  restaurant: { timeZone: string; answerMinutes: number },
): KitchenTicket => ({
  orderId: event.orderId,
  shortCode: event.shortCode,
  restaurantId: event.restaurantId,
  status: "new",
  placedAt: event.placedAt,
  receivedAt: receivedAt.toISOString(),
  customerName: event.customer.name,
  deliveryAddress: event.delivery.address,
  deliveryNotes: event.delivery.notes,
  lines: event.lines.map((l) => ({
    itemId: l.itemId,
    name: l.name,
    quantity: l.quantity,
    options: "options" in l ? l.options.map((o) => ({ groupName: o.groupName, name: o.name })) : [],
  })),
  itemCount: event.lines.reduce((n, l) => n + l.quantity, 0),
  totalCents: event.totalCents,
  correlationId: event.correlationId,
  timeZone: restaurant.timeZone,
  salesDay: localDate(restaurant.timeZone, new Date(event.placedAt)),
  // From when the kitchen could first see it: an order that waited in the queue while this service was
  // down still gets the full time to be answered.
  answerBy: new Date(receivedAt.getTime() + restaurant.answerMinutes * 60_000).toISOString(),
});

const conflict = (message: string) => new DomainError("conflict", message);

/** "19:30" in the restaurant's zone. */
const clockTime = (timeZone: string, iso: string) => {
  const minutes = localClock(timeZone, new Date(iso)).minutes;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
};

/** "10 minutes", "15 seconds": how long the ticket had for an answer. */
const answerWindow = (t: KitchenTicket) => {
  const seconds = Math.round((Date.parse(t.answerBy) - Date.parse(t.receivedAt)) / 1000);
  if (seconds % 60 !== 0) return `${seconds} seconds`;
  return seconds === 60 ? "1 minute" : `${seconds / 60} minutes`;
};

/** Why `ticket` cannot take the step the caller wanted, in words staff can act on. */
const stateMessage = (t: KitchenTicket): string => {
  const code = `Order ${t.shortCode}`;
  switch (t.status) {
    case "new":
      return `${code} hasn't been accepted yet: accept it with a prep time first, then mark it ready.`;
    case "accepted":
      return `${code} was already accepted${t.readyBy ? ` (ready by ${clockTime(t.timeZone, t.readyBy)})` : ""}; it's being prepared.`;
    case "ready":
      return `${code} is already marked ready for pick-up.`;
    case "done":
      return `${code} has already been picked up.`;
    case "rejected":
      return t.rejection?.automatic
        ? `${code} was rejected automatically because nobody answered it in ${answerWindow(t)}; the customer has been told.`
        : `${code} was already rejected; the customer has been told.`;
    case "withdrawn":
      return `${code} was cancelled by the customer, so there is nothing to prepare.`;
  }
};

/** Accepts a new ticket: it is being prepared, ready by now + prep (+ the busy kitchen's extra minutes). */
export const acceptTicket = (
  t: KitchenTicket,
  opts: { now: Date; prepMinutes: number; busyExtraMinutes: number },
): KitchenTicket => {
  if (t.status !== "new") throw conflict(stateMessage(t));
  const minutes = opts.prepMinutes + opts.busyExtraMinutes;
  return {
    ...t,
    status: "accepted",
    acceptedAt: opts.now.toISOString(),
    prepMinutes: opts.prepMinutes,
    readyBy: new Date(opts.now.getTime() + minutes * 60_000).toISOString(),
  };
};

/** Rejects a new ticket: by staff with a reason (and a note for `other`), or by the timer. */
export const rejectTicket = (
  t: KitchenTicket,
  opts: { now: Date; rejection: TicketRejection },
): KitchenTicket => {
  if (t.status !== "new") throw conflict(stateMessage(t));
  return {
    ...t,
    status: "rejected",
    rejectedAt: opts.now.toISOString(),
    rejection: opts.rejection,
    closedDay: localDate(t.timeZone, opts.now),
  };
};

export const markTicketReady = (t: KitchenTicket, opts: { now: Date }): KitchenTicket => {
  if (t.status !== "accepted") throw conflict(stateMessage(t));
  return { ...t, status: "ready", readyAt: opts.now.toISOString() };
};

export const withdrawTicket = (t: KitchenTicket, opts: { now: Date }): KitchenTicket => {
  if (t.status !== "new") throw conflict(stateMessage(t));
  return {
    ...t,
    status: "withdrawn",
    withdrawnAt: opts.now.toISOString(),
    closedDay: localDate(t.timeZone, opts.now),
  };
};

/** The refusal for a step whose conditional write lost to another one: told from the ticket as it is now. */
export const lostRace = (now: KitchenTicket | undefined): DomainError =>
  now && now.status !== "new"
    ? conflict(stateMessage(now))
    : conflict("This order was changed at the same time. Reload the board and try again.");

/** Where the food is picked up: what delivery needs from the restaurant. */
export interface Pickup {
  name: string;
  address: string;
  location: GeoPoint;
}

const ref = (t: KitchenTicket) => ({
  orderId: t.orderId,
  restaurantId: t.restaurantId,
  shortCode: t.shortCode,
  correlationId: t.correlationId,
});

export const ticketAcceptedEvent = (t: KitchenTicket, pickup: Pickup): TicketAcceptedV1 => {
  if (t.status !== "accepted" || !t.acceptedAt || !t.readyBy || t.prepMinutes === undefined) {
    throw new Error(`ticket ${t.orderId} is not accepted`);
  }
  return {
    type: "ticket.accepted",
    version: 1,
    eventId: `ticket.accepted:${t.orderId}`,
    occurredAt: t.acceptedAt,
    ...ref(t),
    acceptedAt: t.acceptedAt,
    prepMinutes: t.prepMinutes,
    readyBy: t.readyBy,
    pickup,
    dropoff: {
      customerName: t.customerName,
      address: t.deliveryAddress,
      notes: t.deliveryNotes,
      location: dropoffPoint(pickup.location, t.deliveryAddress),
    },
  };
};

export const ticketRejectedEvent = (t: KitchenTicket): TicketRejectedV1 => {
  if (t.status !== "rejected" || !t.rejectedAt || !t.rejection) {
    throw new Error(`ticket ${t.orderId} is not rejected`);
  }
  return {
    type: "ticket.rejected",
    version: 1,
    eventId: `ticket.rejected:${t.orderId}`,
    occurredAt: t.rejectedAt,
    ...ref(t),
    rejectedAt: t.rejectedAt,
    ...t.rejection,
  };
};

export const ticketReadyEvent = (t: KitchenTicket): TicketReadyV1 => {
  if (t.status !== "ready" || !t.readyAt) throw new Error(`ticket ${t.orderId} is not ready`);
  return {
    type: "ticket.ready",
    version: 1,
    eventId: `ticket.ready:${t.orderId}`,
    occurredAt: t.readyAt,
    ...ref(t),
    readyAt: t.readyAt,
  };
};

/** Withdrawn: from the ticket, or (no ticket yet) from the cancel request itself. */
export const ticketWithdrawnEvent = (w: {
  orderId: string;
  restaurantId: string;
  shortCode: string;
  correlationId: string;
  withdrawnAt: string;
}): TicketWithdrawnV1 => ({
  type: "ticket.withdrawn",
  version: 1,
  eventId: `ticket.withdrawn:${w.orderId}`,
  occurredAt: w.withdrawnAt,
  orderId: w.orderId,
  restaurantId: w.restaurantId,
  shortCode: w.shortCode,
  correlationId: w.correlationId,
  withdrawnAt: w.withdrawnAt,
});

/**
 * The short code of an order the kitchen has no ticket for yet (a withdrawn tombstone): orders derives it
 * the same way (the first six hex digits of the id, upper case). It is only shown, never matched on.
 */
export const shortCodeOfOrderId = (orderId: string): string =>
  orderId.replace(/-/g, "").slice(0, 6).toUpperCase() || orderId.slice(0, 6);
