import type { Order, OrderStatus } from "@tiffin/orders";

/**
 * How the customer's pages talk about an order's state: labels, the steps of its timeline, whether the
 * page still needs to watch it, the rejection reason and the payment, in words. Pure, so it is tested
 * without a browser.
 */
export const statusLabels: Record<OrderStatus, string> = {
  placed: "Placed",
  cancel_requested: "Cancelling…",
  accepted: "Accepted",
  ready: "Ready",
  picked_up: "On the way",
  delivered: "Delivered",
  rejected: "Rejected",
  cancelled: "Cancelled",
};

export const headlines: Record<OrderStatus, string> = {
  placed: "Order placed",
  cancel_requested: "Cancelling…",
  accepted: "Being prepared",
  ready: "Ready for pick-up",
  picked_up: "On the way",
  delivered: "Delivered",
  rejected: "Order rejected",
  cancelled: "Order cancelled",
};

const FINAL: readonly OrderStatus[] = ["delivered", "rejected", "cancelled"];

/** No more changes to wait for: the page stops polling. */
export const isFinal = (status: OrderStatus): boolean => FINAL.includes(status);

/** Whether the customer may still cancel (the server decides; this only shows or hides the button). */
export const canCancel = (order: Pick<Order, "status">): boolean => order.status === "placed";

export type Tone = "success" | "warning" | "danger" | "neutral";

export const statusTone = (status: OrderStatus): Tone =>
  status === "rejected" || status === "cancelled"
    ? "danger"
    : status === "cancel_requested"
      ? "warning"
      : status === "placed"
        ? "neutral"
        : "success";

export interface TimelineStep {
  status: OrderStatus;
  label: string;
  /** When it happened, once it has. */
  at?: string;
}

const HAPPY_PATH: OrderStatus[] = ["placed", "accepted", "ready", "picked_up", "delivered"];

/**
 * The steps to show: the journey every order takes, or, once it turned off it (rejected, cancelled, a
 * cancel request under way), the steps it really took. `current` is the index of the step reached last.
 */
export const timelineSteps = (
  order: Pick<Order, "status" | "timeline">,
): { steps: TimelineStep[]; current: number } => {
  const reached = new Map(order.timeline.map((entry) => [entry.status, entry.at]));
  const path: OrderStatus[] =
    order.status === "rejected"
      ? reached.has("cancel_requested")
        ? ["placed", "cancel_requested", "rejected"]
        : ["placed", "rejected"]
      : order.status === "cancelled" || order.status === "cancel_requested"
        ? ["placed", "cancel_requested", "cancelled"]
        : HAPPY_PATH;
  const steps = path.map((status) => {
    const at = reached.get(status);
    return {
      status,
      label: status === "cancel_requested" ? "Cancel requested" : statusLabels[status],
      ...(at ? { at } : {}),
    };
  });
  return { steps, current: Math.max(0, path.indexOf(order.status)) };
};

/** Why the restaurant said no, for the customer. */
export const rejectionText = (rejection: NonNullable<Order["rejection"]>, restaurantName: string): string => {
  switch (rejection.reason) {
    case "too_busy":
      return `${restaurantName} is too busy to take your order right now.`;
    case "item_unavailable":
      return `${restaurantName} has run out of something in your order.`;
    case "closing":
      return `${restaurantName} is closing and can't prepare your order.`;
    case "not_answered":
      return `${restaurantName} didn't answer in time, so your order was rejected automatically.`;
    case "other":
      return rejection.note
        ? `${restaurantName} said: “${rejection.note}”`
        : `${restaurantName} couldn't take your order.`;
  }
};

/** How a cancel request ended, in the words the order page uses. */
export const cancellationText = (order: Pick<Order, "cancellation">): string | undefined => {
  switch (order.cancellation?.outcome) {
    case "pending":
      return "Cancelling… We're asking the restaurant to stop your order.";
    case "cancelled":
      return "Cancelled. The restaurant hadn't started, and your card won't be charged.";
    case "too_late":
      return "Too late: the restaurant had already accepted your order, so it's on its way to being made.";
    case "rejected":
      return "The restaurant rejected the order before your cancel request reached it. You won't be charged.";
    default:
      return undefined;
  }
};

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** "Visa ending 4242 · $42.10 held on your card" and so on; undefined for orders placed before payments. */
export const paymentText = (order: Pick<Order, "payment">): string | undefined => {
  const payment = order.payment;
  if (!payment) return undefined;
  const card = `${payment.brand} ending ${payment.last4}`;
  const refunded = payment.refundedCents > 0 ? ` · ${money(payment.refundedCents)} refunded` : "";
  switch (payment.status) {
    case "authorized":
      return `${card} · ${money(payment.amountCents)} authorized (held, not yet charged)`;
    case "captured":
      return `${card} · ${money(payment.capturedCents)} captured (charged)${refunded}`;
    case "voided":
      return `${card} · authorization voided: you were not charged`;
  }
};
