import type { Order } from "@tiffin/orders";
import { describe, expect, it } from "vitest";
import {
  canCancel,
  cancellationText,
  isFinal,
  paymentText,
  rejectionText,
  timelineSteps,
} from "./order-status";

const at = (minute: number) => `2026-11-30T18:${String(minute).padStart(2, "0")}:00.000Z`;
const entry = (status: Order["status"], minute: number) => ({ status, at: at(minute) });

describe("order status on the customer's pages", () => {
  it("shows the journey with the time of each step reached, the last one current", () => {
    const { steps, current } = timelineSteps({
      status: "accepted",
      timeline: [entry("placed", 0), entry("accepted", 5)],
    });
    expect(steps.map((s) => [s.label, s.at])).toEqual([
      ["Placed", at(0)],
      ["Accepted", at(5)],
      ["Ready", undefined],
      ["On the way", undefined],
      ["Delivered", undefined],
    ]);
    expect(current).toBe(1);
  });

  it("shows the steps a cancelled order really took", () => {
    const cancelled = timelineSteps({
      status: "cancelled",
      timeline: [entry("placed", 0), entry("cancel_requested", 1), entry("cancelled", 2)],
    });
    expect(cancelled.steps.map((s) => s.label)).toEqual(["Placed", "Cancel requested", "Cancelled"]);
    expect(cancelled.current).toBe(2);
    const pending = timelineSteps({
      status: "cancel_requested",
      timeline: [entry("placed", 0), entry("cancel_requested", 1)],
    });
    expect(pending.current).toBe(1);
  });

  it("shows a rejection right after placing (or after a cancel request)", () => {
    expect(
      timelineSteps({ status: "rejected", timeline: [entry("placed", 0), entry("rejected", 9)] }).steps.map(
        (s) => s.label,
      ),
    ).toEqual(["Placed", "Rejected"]);
  });

  it("stops watching a delivered, rejected or cancelled order, and offers cancel only while placed", () => {
    expect(["delivered", "rejected", "cancelled"].every((s) => isFinal(s as Order["status"]))).toBe(true);
    expect(isFinal("ready")).toBe(false);
    expect(canCancel({ status: "placed" })).toBe(true);
    expect(canCancel({ status: "cancel_requested" })).toBe(false);
    expect(canCancel({ status: "accepted" })).toBe(false);
  });

  it("words each rejection reason, quoting staff's note and saying when it was automatic", () => {
    const r = (reason: NonNullable<Order["rejection"]>["reason"], note = "") => ({
      reason,
      note,
      automatic: reason === "not_answered",
      at: at(9),
    });
    expect(rejectionText(r("too_busy"), "Nonna Rosa")).toBe(
      "Nonna Rosa is too busy to take your order right now.",
    );
    expect(rejectionText(r("not_answered"), "Nonna Rosa")).toMatch(
      /didn't answer in time, so your order was rejected automatically/,
    );
    expect(rejectionText(r("other", "Oven broke 🔥"), "Nonna Rosa")).toBe("Nonna Rosa said: “Oven broke 🔥”");
  });

  it("tells how a cancel request ended", () => {
    expect(cancellationText({})).toBeUndefined();
    expect(cancellationText({ cancellation: { requestedAt: at(1), outcome: "pending" } })).toMatch(
      /^Cancelling…/,
    );
    expect(cancellationText({ cancellation: { requestedAt: at(1), outcome: "cancelled" } })).toMatch(
      /^Cancelled\./,
    );
    expect(cancellationText({ cancellation: { requestedAt: at(1), outcome: "too_late" } })).toMatch(
      /^Too late: the restaurant had already accepted your order/,
    );
  });

  it("describes the payment by brand and last four, and what happened to the money", () => {
    const payment = {
      intentId: "pi_1",
      brand: "Visa",
      last4: "4242",
      amountCents: 2079,
      capturedCents: 0,
      refundedCents: 0,
    };
    expect(paymentText({ payment: { ...payment, status: "authorized" } })).toBe(
      "Visa ending 4242 · $20.79 authorized (held, not yet charged)",
    );
    expect(
      paymentText({ payment: { ...payment, status: "captured", capturedCents: 2079, refundedCents: 500 } }),
    ).toBe("Visa ending 4242 · $20.79 captured (charged) · $5.00 refunded");
    expect(paymentText({ payment: { ...payment, status: "voided" } })).toBe(
      "Visa ending 4242 · authorization voided: you were not charged",
    );
    expect(paymentText({})).toBeUndefined();
  });
});
