import type { RejectionReason } from "@tiffin/contracts";
import type { ChosenOption } from "@tiffin/contracts/option-choice";

/**
 * Where an order is (see order-lifecycle.ts for who moves it and from where):
 * placed -> accepted -> ready -> picked_up -> delivered; placed -> rejected;
 * placed -> cancel_requested -> cancelled (the ticket was withdrawn) | accepted (the kitchen won the race).
 */
export type OrderStatus =
  | "placed"
  | "cancel_requested"
  | "accepted"
  | "ready"
  | "picked_up"
  | "delivered"
  | "rejected"
  | "cancelled";

/** One step of the order's life, with when it happened (the producer's time, not when orders heard of it). */
export interface TimelineEntry {
  status: OrderStatus;
  at: string;
  detail?: string;
}

/** When the customer can expect the food: set when the kitchen accepts, refined when it is ready. */
export interface OrderEstimate {
  prepMinutes: number;
  /** When the kitchen said the food would be ready (acceptedAt + prep, + busy minutes). */
  readyBy: string;
  /** When it was actually ready, once it is. */
  readyAt?: string;
  /** Delivery window: from the (expected or actual) ready time plus the delivery allowance. */
  deliveryFrom: string;
  deliveryTo: string;
}

export interface OrderRejection {
  reason: RejectionReason;
  /** What staff wrote (reason `other`), as typed. */
  note: string;
  /** Nobody answered in time: the timer rejected it. */
  automatic: boolean;
  at: string;
}

/**
 * The customer's cancel request and how it ended: `cancelled` (the ticket was withdrawn), `too_late` (the
 * kitchen had already accepted), `rejected` (the kitchen rejected it first: no order either way).
 */
export interface OrderCancellation {
  requestedAt: string;
  outcome: "pending" | "cancelled" | "too_late" | "rejected";
  resolvedAt?: string;
}

/** What the order keeps of its payment: never the card number, only what a receipt shows. */
export interface OrderPayment {
  intentId: string;
  brand: string;
  last4: string;
  status: "authorized" | "captured" | "voided";
  /** Always the order's total. */
  amountCents: number;
  capturedCents: number;
  refundedCents: number;
  /** Refunds given, each under the key that names it (a support case), so none is given twice. */
  refunds?: { key: string; id: string; amountCents: number; at: string }[];
}

export interface OrderLine {
  itemId: string;
  name: string;
  quantity: number;
  /** The item's price plus its chosen options' deltas, from the replica. */
  unitPriceCents: number;
  lineTotalCents: number;
  /** Chosen options as they were named and priced (empty for items without options). */
  options: ChosenOption[];
}

/** Prices computed by the server from orders' own menu replica; a client never sends a price. */
export interface Quote {
  restaurantId: string;
  restaurantName: string;
  lines: OrderLine[];
  subtotalCents: number;
  deliveryFeeCents: number;
  serviceFeeCents: number;
  totalCents: number;
  currency: "USD";
}

export interface Order extends Quote {
  id: string;
  /** The customer account that placed it: only they can see it. */
  customerId: string;
  /** Six characters staff and customer can read to each other over the phone. */
  shortCode: string;
  status: OrderStatus;
  customer: { name: string; phone: string };
  delivery: { address: string; notes: string };
  placedAt: string;
  correlationId: string;
  timeline: TimelineEntry[];
  estimate?: OrderEstimate;
  rejection?: OrderRejection;
  cancellation?: OrderCancellation;
  /** Absent only on orders placed before payments existed. */
  payment?: OrderPayment;
}

export const shortCodeOf = (orderId: string): string => orderId.replace(/-/g, "").slice(0, 6).toUpperCase();
