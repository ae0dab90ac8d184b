import { describe, expect, it } from "vitest";
import { ticketAccepted, ticketReady, ticketRejected, ticketWithdrawn } from "../../test/factories";
import type { Order, OrderStatus } from "./order";
import {
  allowedFrom,
  cancelRefusal,
  cancelRequestTransition,
  decide,
  isFinal,
  type TargetStatus,
  ticketTransition,
} from "./order-lifecycle";

const statuses: OrderStatus[] = [
  "placed",
  "cancel_requested",
  "accepted",
  "ready",
  "picked_up",
  "delivered",
  "rejected",
  "cancelled",
];
const targets = Object.keys(allowedFrom) as TargetStatus[];

/** Every (from, to) pair and what the state machine does with it. */
const expected: Record<TargetStatus, Record<OrderStatus, "apply" | "ignore" | "not_yet">> = {
  cancel_requested: {
    placed: "apply",
    cancel_requested: "ignore",
    accepted: "ignore",
    ready: "ignore",
    picked_up: "ignore",
    delivered: "ignore",
    rejected: "ignore",
    cancelled: "ignore",
  },
  accepted: {
    placed: "apply",
    cancel_requested: "apply",
    accepted: "ignore",
    ready: "ignore",
    picked_up: "ignore",
    delivered: "ignore",
    rejected: "ignore",
    cancelled: "ignore",
  },
  rejected: {
    placed: "apply",
    cancel_requested: "apply",
    accepted: "ignore",
    ready: "ignore",
    picked_up: "ignore",
    delivered: "ignore",
    rejected: "ignore",
    cancelled: "ignore",
  },
  cancelled: {
    placed: "apply",
    cancel_requested: "apply",
    accepted: "ignore",
    ready: "ignore",
    picked_up: "ignore",
    delivered: "ignore",
    rejected: "ignore",
    cancelled: "ignore",
  },
  ready: {
    placed: "not_yet",
    cancel_requested: "not_yet",
    accepted: "apply",
    ready: "ignore",
    picked_up: "ignore",
    delivered: "ignore",
    rejected: "ignore",
    cancelled: "ignore",
  },
  picked_up: {
    placed: "not_yet",
    cancel_requested: "not_yet",
    accepted: "not_yet",
    ready: "apply",
    picked_up: "ignore",
    delivered: "ignore",
    rejected: "ignore",
    cancelled: "ignore",
  },
  delivered: {
    placed: "not_yet",
    cancel_requested: "not_yet",
    accepted: "not_yet",
    ready: "not_yet",
    picked_up: "apply",
    delivered: "ignore",
    rejected: "ignore",
    cancelled: "ignore",
  },
};

const anOrder = (overrides: Partial<Order> = {}): Order => ({
  id: "0d9c8c5e-3c1f-4d8e-9a55-7f0a2b1c4d6e",
  customerId: "customer-1",
  shortCode: "0D9C8C",
  status: "placed",
  restaurantId: "bombay-tiffin-house",
  restaurantName: "Bombay Tiffin House",
  lines: [
    {
      itemId: "butter-chicken",
      name: "Butter Chicken",
      quantity: 1,
      unitPriceCents: 1695,
      lineTotalCents: 1695,
      options: [],
    },
  ],
  subtotalCents: 1695,
  deliveryFeeCents: 299,
  serviceFeeCents: 85,
  totalCents: 2079,
  currency: "USD",
  customer: { name: "Asha", phone: "+1 415 555 0134" },
  delivery: { address: "221 Valencia St", notes: "" },
  placedAt: "2026-11-30T18:00:00.000Z",
  correlationId: "corr-1",
  timeline: [{ status: "placed", at: "2026-11-30T18:00:00.000Z" }],
  ...overrides,
});

describe("order state machine", () => {
  it.each(targets.flatMap((to) => statuses.map((from) => ({ from, to, verdict: expected[to][from] }))))(
    "$from -> $to: $verdict",
    ({ from, to, verdict }) => {
      expect(decide(from, to)).toBe(verdict);
    },
  );

  it("never moves a final order", () => {
    for (const status of statuses.filter(isFinal)) {
      for (const to of targets) expect(decide(status, to)).toBe("ignore");
    }
    expect(statuses.filter(isFinal)).toEqual(["delivered", "rejected", "cancelled"]);
  });

  it("accepting records the estimate: ready by the kitchen's time, delivery 15-30 minutes after", () => {
    const accepted = ticketTransition(ticketAccepted()).next(anOrder());
    expect(accepted.status).toBe("accepted");
    expect(accepted.timeline.at(-1)).toEqual({ status: "accepted", at: "2026-11-30T18:05:00.000Z" });
    expect(accepted.estimate).toEqual({
      prepMinutes: 20,
      readyBy: "2026-11-30T18:25:00.000Z",
      deliveryFrom: "2026-11-30T18:40:00.000Z",
      deliveryTo: "2026-11-30T18:55:00.000Z",
    });
    expect(accepted.cancellation).toBeUndefined();
  });

  it("accepting a cancel-requested order tells the customer it was too late", () => {
    const requested = cancelRequestTransition("2026-11-30T18:04:00.000Z").next(anOrder());
    const accepted = ticketTransition(ticketAccepted()).next(requested);
    expect(accepted.cancellation).toEqual({
      requestedAt: "2026-11-30T18:04:00.000Z",
      outcome: "too_late",
      resolvedAt: "2026-11-30T18:05:00.000Z",
    });
    expect(accepted.timeline.map((e) => e.status)).toEqual(["placed", "cancel_requested", "accepted"]);
    expect(accepted.timeline.at(-1)?.detail).toMatch(/already accepted/);
  });

  it("a withdrawn ticket cancels the order and voids the payment", () => {
    const requested = cancelRequestTransition("2026-11-30T18:01:30.000Z").next(anOrder());
    const transition = ticketTransition(ticketWithdrawn());
    const cancelled = transition.next(requested);
    expect(transition.payment).toBe("void");
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancellation?.outcome).toBe("cancelled");
  });

  it("a rejection keeps reason, note and whether it was automatic, and voids the payment", () => {
    const transition = ticketTransition(
      ticketRejected({ reason: "other", note: "Oven broke 🔥", automatic: false }),
    );
    const rejected = transition.next(anOrder());
    expect(transition.payment).toBe("void");
    expect(rejected.rejection).toEqual({
      reason: "other",
      note: "Oven broke 🔥",
      automatic: false,
      at: "2026-11-30T18:10:00.000Z",
    });
    expect(rejected.cancellation).toBeUndefined();
  });

  it("ready captures the payment and moves the delivery window to the real ready time", () => {
    const accepted = ticketTransition(ticketAccepted()).next(anOrder());
    const transition = ticketTransition(ticketReady());
    const ready = transition.next(accepted);
    expect(transition.payment).toBe("capture");
    expect(ready.estimate).toMatchObject({
      readyBy: "2026-11-30T18:25:00.000Z",
      readyAt: "2026-11-30T18:24:00.000Z",
      deliveryFrom: "2026-11-30T18:39:00.000Z",
      deliveryTo: "2026-11-30T18:54:00.000Z",
    });
  });

  it.each([
    ["placed", undefined],
    ["cancel_requested", undefined],
    ["cancelled", undefined],
    ["accepted", /^Too late to cancel: Bombay Tiffin House has already accepted your order/],
    ["ready", /^Too late to cancel: Bombay Tiffin House has already prepared your order/],
    ["picked_up", /already on its way/],
    ["delivered", /already delivered/],
    ["rejected", /couldn't take this order, so there is nothing to cancel/],
  ] as const)("cancelling a %s order: %s", (status, message) => {
    const refusal = cancelRefusal(anOrder({ status }));
    if (message) expect(refusal).toMatch(message);
    else expect(refusal).toBeUndefined();
  });
});
