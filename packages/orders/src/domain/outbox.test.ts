import { describe, expect, it } from "vitest";
import { FIXED_NOW, type OrdersHarness, ordersHarness, outboxEntry } from "../../test/factories";
import { RELAY_BATCH } from "./outbox";

/** A harness whose outbox holds unsent entries for `orderIds`, saved one minute apart in that order. */
const withPending = async (...orderIds: string[]) => {
  const h = await ordersHarness();
  orderIds.forEach((orderId, i) => {
    h.table.seedPending(outboxEntry(orderId, new Date(Date.UTC(2026, 10, 27, 18, i)).toISOString()));
  });
  return h;
};

const pendingOrderIds = async (h: OrdersHarness) => (await h.table.outbox.pending(100)).map((e) => e.orderId);

describe("relayOutbox", () => {
  it("sends every pending entry, oldest first, and marks each sent", async () => {
    const h = await ordersHarness();
    // Seeded out of order: the relay must still send the oldest first.
    h.table.seedPending(outboxEntry("order-b", "2026-11-27T18:02:00.000Z"));
    h.table.seedPending(outboxEntry("order-a", "2026-11-27T18:01:00.000Z"));

    expect(await h.svc.relayOutbox()).toEqual({ sent: 2, failed: 0 });

    expect(h.sender.sent.map((e) => e.orderId)).toEqual(["order-a", "order-b"]);
    expect(await h.table.outbox.pending(100)).toEqual([]);
    expect(h.table.allOutbox().map((row) => row.sentAt)).toEqual([
      FIXED_NOW.toISOString(),
      FIXED_NOW.toISOString(),
    ]);
  });

  it("sends the saved event unchanged", async () => {
    const h = await ordersHarness();
    const entry = outboxEntry("order-a");
    h.table.seedPending(entry);

    await h.svc.relayOutbox();

    expect(h.sender.sent).toEqual([entry.event]);
  });

  it("does nothing when nothing is pending", async () => {
    const h = await ordersHarness();

    expect(await h.svc.relayOutbox()).toEqual({ sent: 0, failed: 0 });
    expect(h.sender.attempts).toBe(0);
  });

  it(`sends at most ${RELAY_BATCH} entries per run and the rest on the next`, async () => {
    const ids = Array.from({ length: RELAY_BATCH + 5 }, (_, i) => `order-${String(i).padStart(2, "0")}`);
    const h = await withPending(...ids);

    expect(await h.svc.relayOutbox()).toEqual({ sent: RELAY_BATCH, failed: 0 });
    expect(await pendingOrderIds(h)).toEqual(ids.slice(RELAY_BATCH));

    expect(await h.svc.relayOutbox()).toEqual({ sent: 5, failed: 0 });
    expect(h.sender.sent.map((e) => e.orderId)).toEqual(ids);
  });

  it("keeps an entry that failed to send pending, sends the others, and sends it on a later run", async () => {
    const h = await withPending("order-a", "order-b", "order-c");
    h.sender.failWith(new Error("SQS throttled"), (event) => event.orderId === "order-b");

    expect(await h.svc.relayOutbox()).toEqual({ sent: 2, failed: 1 });
    expect(h.sender.sent.map((e) => e.orderId)).toEqual(["order-a", "order-c"]);
    expect(await pendingOrderIds(h)).toEqual(["order-b"]);
    expect(h.log.lines).toContainEqual({
      level: "warn",
      message: "outbox entry not sent; will retry",
      extra: { orderId: "order-b", error: "Error: SQS throttled" },
    });

    h.sender.recover();
    expect(await h.svc.relayOutbox()).toEqual({ sent: 1, failed: 0 });
    expect(h.sender.sent.map((e) => e.orderId)).toEqual(["order-a", "order-c", "order-b"]);
    expect(await pendingOrderIds(h)).toEqual([]);
  });

  it("sends an entry again when marking it sent failed: at least once, never lost", async () => {
    const h = await withPending("order-a");
    h.table.failMarkSent();

    expect(await h.svc.relayOutbox()).toEqual({ sent: 0, failed: 1 });
    expect(await pendingOrderIds(h)).toEqual(["order-a"]);

    h.table.restore();
    expect(await h.svc.relayOutbox()).toEqual({ sent: 1, failed: 0 });
    // The same event twice, identical: the consumer's idempotency turns it into one ticket.
    expect(h.sender.sent).toHaveLength(2);
    expect(h.sender.sent[1]).toEqual(h.sender.sent[0]);
  });

  it("logs each relayed entry with the order's correlation id", async () => {
    const h = await withPending("order-a");

    await h.svc.relayOutbox();

    expect(h.log.lines).toEqual([
      {
        level: "info",
        message: "outbox entry relayed",
        extra: { orderId: "order-a", eventId: "order.placed:order-a", correlationId: "corr-order-a" },
      },
    ]);
  });
});
