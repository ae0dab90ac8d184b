import { DomainError } from "@tiffin/kit/domain-error";
import { describe, expect, it } from "vitest";
import {
  ordersHarness,
  placeCommand,
  ticketAccepted,
  ticketReady,
  ticketRejected,
  ticketWithdrawn,
} from "../../test/factories";
import { RecordingLog } from "../../test/fakes";
import { NotYetApplicable } from "./order-transitions";

const request = () => ({ correlationId: "corr-transitions", log: new RecordingLog() });

/** A harness with one placed order (paid with the always-authorized card). */
const placedOrder = async () => {
  const h = await ordersHarness();
  const order = await h.svc.place(placeCommand(), request());
  const log = new RecordingLog();
  const apply = (event: Parameters<typeof h.svc.applyTicketEvent>[0]) => h.svc.applyTicketEvent(event, log);
  const stored = async () => {
    const found = await h.table.orders.get(order.id);
    if (!found) throw new Error("order vanished");
    return found;
  };
  const ids = { orderId: order.id, shortCode: order.shortCode };
  return { ...h, order, apply, stored, ids, log };
};

describe("ticket events move the order", () => {
  it("walks placed -> accepted -> ready, each step in the timeline, and captures the total on ready", async () => {
    const { apply, stored, ids, payments, order } = await placedOrder();

    expect(await apply(ticketAccepted(ids))).toBe("applied");
    expect((await stored()).status).toBe("accepted");
    expect((await stored()).payment?.status).toBe("authorized");
    expect(await apply(ticketReady(ids))).toBe("applied");

    const ready = await stored();
    expect(ready.status).toBe("ready");
    expect(ready.timeline.map((e) => [e.status, e.at])).toEqual([
      ["placed", order.placedAt],
      ["accepted", "2026-11-30T18:05:00.000Z"],
      ["ready", "2026-11-30T18:24:00.000Z"],
    ]);
    expect(ready.payment).toMatchObject({ status: "captured", capturedCents: order.totalCents });
    expect(payments.onlyIntent()).toMatchObject({ status: "succeeded", capturedCents: order.totalCents });
    expect(payments.calls.filter((c) => c.method === "capture")).toEqual([
      {
        method: "capture",
        idempotencyKey: `capture:${order.id}`,
        amountCents: order.totalCents,
        outcome: "ok",
      },
    ]);
  });

  it("applies a duplicate once: the second delivery changes nothing and calls the provider no more", async () => {
    const { apply, stored, ids, payments } = await placedOrder();
    await apply(ticketAccepted(ids));
    await apply(ticketReady(ids));
    const before = await stored();

    expect(await apply(ticketReady(ids))).toBe("ignored");
    expect(await apply(ticketAccepted(ids))).toBe("ignored");

    expect(await stored()).toEqual(before);
    expect(payments.calls.filter((c) => c.method === "capture")).toHaveLength(1);
  });

  it("ready before accepted is not applied yet (retried later), then both apply in order", async () => {
    const { apply, stored, ids } = await placedOrder();

    await expect(apply(ticketReady(ids))).rejects.toBeInstanceOf(NotYetApplicable);
    expect((await stored()).status).toBe("placed");

    await apply(ticketAccepted(ids));
    expect(await apply(ticketReady(ids))).toBe("applied");
    expect((await stored()).timeline.map((e) => e.status)).toEqual(["placed", "accepted", "ready"]);
  });

  it("never moves an order backwards: a late accepted after ready is ignored", async () => {
    const { apply, stored, ids } = await placedOrder();
    await apply(ticketAccepted(ids));
    await apply(ticketReady(ids));

    expect(await apply(ticketAccepted({ ...ids, prepMinutes: 45 }))).toBe("ignored");
    expect((await stored()).status).toBe("ready");
    expect((await stored()).estimate?.prepMinutes).toBe(20);
  });

  it("a rejection keeps its reason, voids the hold, and a later accept cannot revive the order", async () => {
    const { apply, stored, ids, payments } = await placedOrder();

    await apply(ticketRejected({ ...ids, reason: "too_busy", note: "", automatic: false }));
    expect(await apply(ticketAccepted(ids))).toBe("ignored");
    expect(await apply(ticketReady(ids))).toBe("ignored");

    const rejected = await stored();
    expect(rejected.status).toBe("rejected");
    expect(rejected.rejection).toMatchObject({ reason: "too_busy", automatic: false });
    expect(rejected.payment?.status).toBe("voided");
    expect(payments.onlyIntent().status).toBe("canceled");
    expect(payments.calls.some((c) => c.method === "capture")).toBe(false);
  });

  it("an automatic rejection (nobody answered) says so", async () => {
    const { apply, stored, ids } = await placedOrder();
    await apply(ticketRejected(ids)); // the fixture: not_answered, automatic
    expect((await stored()).rejection).toMatchObject({ reason: "not_answered", automatic: true });
  });

  it("decides again when another writer moved the order between read and write", async () => {
    const { apply, stored, ids, table } = await placedOrder();
    let moved = false;
    table.beforeTransitionWrite = (orderId) => {
      if (moved) return;
      moved = true;
      // Meanwhile a duplicate of the same event was applied by another consumer.
      table.forceStatus(orderId, "accepted");
    };

    expect(await apply(ticketAccepted(ids))).toBe("ignored");
    expect((await stored()).status).toBe("accepted");
  });

  it("refuses an event for an order it does not have (dead-lettered: orders saves before it sends)", async () => {
    const { apply } = await placedOrder();
    const error = await apply(ticketAccepted({ orderId: "5b0e3a3e-0000-4000-8000-00000000dead" })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe("invalid");
  });

  it("refuses an event that names another restaurant for the order", async () => {
    const { apply, stored, ids } = await placedOrder();
    await expect(apply(ticketAccepted({ ...ids, restaurantId: "nonna-rosa" }))).rejects.toBeInstanceOf(
      DomainError,
    );
    expect((await stored()).status).toBe("placed");
  });
});

describe("cancel", () => {
  it("while placed: cancel_requested, order.cancel-requested saved and sent, nothing paid yet", async () => {
    const { svc, order, stored, sender, table } = await placedOrder();

    const requested = await svc.cancel(order.id, order.customerId, request());

    expect(requested.status).toBe("cancel_requested");
    expect(requested.cancellation).toEqual({ requestedAt: "2026-11-27T18:30:00.000Z", outcome: "pending" });
    expect(await stored()).toEqual(requested);
    const event = sender.sent.find((e) => e.type === "order.cancel-requested");
    expect(event).toEqual({
      type: "order.cancel-requested",
      version: 1,
      eventId: `order.cancel-requested:${order.id}`,
      occurredAt: "2026-11-27T18:30:00.000Z",
      correlationId: order.correlationId,
      orderId: order.id,
      restaurantId: order.restaurantId,
      requestedAt: "2026-11-27T18:30:00.000Z",
    });
    expect(table.allOutbox().find((e) => e.entry.id === event?.eventId)?.sentAt).toBeDefined();
    expect(requested.payment?.status).toBe("authorized");
  });

  it("asking twice sends one request and returns the same order", async () => {
    const { svc, order, sender } = await placedOrder();
    const first = await svc.cancel(order.id, order.customerId, request());
    const second = await svc.cancel(order.id, order.customerId, request());
    expect(second).toEqual(first);
    expect(sender.sent.filter((e) => e.type === "order.cancel-requested")).toHaveLength(1);
  });

  it("keeps the request in the outbox when the topic is down (the relay sends it later)", async () => {
    const { svc, order, sender, table } = await placedOrder();
    sender.failWith(new Error("SNS down"));

    await svc.cancel(order.id, order.customerId, request());

    const pending = table.allOutbox().filter((e) => e.entry.event.type === "order.cancel-requested");
    expect(pending).toHaveLength(1);
    expect(pending[0]?.sentAt).toBeUndefined();
    sender.recover();
    expect(await svc.relayOutbox()).toMatchObject({ sent: 1, failed: 0 });
  });

  it("the kitchen withdraws the ticket: cancelled, hold voided, customer told", async () => {
    const { svc, order, apply, stored, ids, payments } = await placedOrder();
    await svc.cancel(order.id, order.customerId, request());

    await apply(ticketWithdrawn(ids));

    const cancelled = await stored();
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancellation).toMatchObject({
      outcome: "cancelled",
      resolvedAt: "2026-11-30T18:02:00.000Z",
    });
    expect(cancelled.payment?.status).toBe("voided");
    expect(payments.onlyIntent().status).toBe("canceled");
    expect(payments.calls.filter((c) => c.method === "void").map((c) => c.idempotencyKey)).toEqual([
      `void:${order.id}`,
    ]);
  });

  it("the kitchen had accepted first: the order goes on, the customer is told it was too late", async () => {
    const { svc, order, apply, stored, ids } = await placedOrder();
    await svc.cancel(order.id, order.customerId, request());

    await apply(ticketAccepted(ids));

    const accepted = await stored();
    expect(accepted.status).toBe("accepted");
    expect(accepted.cancellation?.outcome).toBe("too_late");
    expect(accepted.payment?.status).toBe("authorized");
  });

  it("after the kitchen accepted: 409 saying why, nothing changed, nothing sent", async () => {
    const { svc, order, apply, stored, ids, sender } = await placedOrder();
    await apply(ticketAccepted(ids));
    const before = await stored();

    const error = await svc.cancel(order.id, order.customerId, request()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe("conflict");
    expect((error as DomainError).message).toBe(
      "Too late to cancel: Bombay Tiffin House has already accepted your order and is preparing it.",
    );
    expect(await stored()).toEqual(before);
    expect(sender.sent.filter((e) => e.type === "order.cancel-requested")).toEqual([]);
  });

  it("someone else's order is not found, exactly like a missing one", async () => {
    const { svc, order, stored } = await placedOrder();
    const other = await svc.cancel(order.id, "customer-2", request()).catch((e: unknown) => e);
    const missing = await svc
      .cancel("5b0e3a3e-0000-4000-8000-00000000dead", "customer-2", request())
      .catch((e: unknown) => e);
    expect((other as DomainError).kind).toBe("not_found");
    expect((other as DomainError).message).toBe((missing as DomainError).message);
    expect((await stored()).status).toBe("placed");
  });

  it("loses a race with the kitchen's accept cleanly: decided again, 409", async () => {
    const { svc, order, table, stored } = await placedOrder();
    table.beforeTransitionWrite = (orderId) => {
      table.beforeTransitionWrite = undefined;
      table.forceStatus(orderId, "accepted");
    };
    const error = await svc.cancel(order.id, order.customerId, request()).catch((e: unknown) => e);
    expect((error as DomainError).kind).toBe("conflict");
    expect((await stored()).status).toBe("accepted");
    expect(table.allOutbox().filter((e) => e.entry.event.type === "order.cancel-requested")).toEqual([]);
  });
});

describe("refund (support's operation)", () => {
  const readyOrder = async () => {
    const h = await placedOrder();
    await h.apply(ticketAccepted(h.ids));
    await h.apply(ticketReady(h.ids));
    return h;
  };

  it("refunds part of a captured order once per key, and never more than was captured", async () => {
    const { svc, order, payments } = await readyOrder();

    const once = await svc.refund(order.id, 500, "case-1");
    const again = await svc.refund(order.id, 500, "case-1");

    expect(once.payment).toMatchObject({ refundedCents: 500 });
    expect(again.payment?.refundedCents).toBe(500);
    expect(payments.store.refunds.size).toBe(1);
    await expect(svc.refund(order.id, order.totalCents, "case-2")).rejects.toThrow(/more than is left/);
    expect((await svc.refund(order.id, order.totalCents - 500, "case-2")).payment?.refundedCents).toBe(
      order.totalCents,
    );
    expect(payments.onlyIntent().refundedCents).toBe(order.totalCents);
    await expect(svc.refund(order.id, 1, "case-3")).rejects.toThrow(/more than is left/);
  });

  it("refuses to refund what was never captured", async () => {
    const { svc, order } = await placedOrder();
    await expect(svc.refund(order.id, 100, "case-1")).rejects.toThrow(/never charged/);
  });
});
