import { DEFAULT_RETRY, retryDelayMs } from "@tiffin/outbox";
import { describe, expect, it } from "vitest";
import { FIXED_NOW, type OrdersHarness, ordersHarness, outboxEntry } from "../../test/factories";

/** A harness whose outbox holds unsent entries for `orderIds`, saved one minute apart in that order. */
const withPending = async (orderIds: string[], opts: Parameters<typeof ordersHarness>[0] = {}) => {
  const h = await ordersHarness(opts);
  orderIds.forEach((orderId, i) => {
    h.table.seedPending(outboxEntry(orderId, new Date(Date.UTC(2026, 10, 27, 17, 0, i)).toISOString()));
  });
  return h;
};

const unsentOrderIds = (h: OrdersHarness) => h.table.outbox.unsent().map((e) => e.orderId);

describe("relayOutbox (orders)", () => {
  it("sends every pending entry, oldest first, and marks each sent", async () => {
    const h = await ordersHarness();
    // Seeded out of order: the relay must still send the oldest first.
    h.table.seedPending(outboxEntry("order-b", "2026-11-27T18:02:00.000Z"));
    h.table.seedPending(outboxEntry("order-a", "2026-11-27T18:01:00.000Z"));

    expect(await h.svc.relayOutbox()).toMatchObject({ sent: 2, failed: 0 });

    expect(h.sender.sent.map((e) => e.orderId)).toEqual(["order-a", "order-b"]);
    expect(unsentOrderIds(h)).toEqual([]);
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

  it("sends the good order behind 30 whose messages are refused, in one run", async () => {
    const stuck = Array.from({ length: 30 }, (_, i) => `stuck-${String(i).padStart(2, "0")}`);
    const h = await withPending([...stuck, "order-good"]);
    h.sender.failWith(new Error("InvalidMessageContents"), (event) => event.orderId.startsWith("stuck-"));

    const run = await h.svc.relayOutbox();

    expect(h.sender.sent.map((e) => e.orderId)).toEqual(["order-good"]);
    expect(run).toMatchObject({ sent: 1, failed: 30, parked: 0 });
    expect(unsentOrderIds(h)).toEqual(stuck);
  });

  it("drains a backlog of more than a page in one run", async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `order-${String(i).padStart(2, "0")}`);
    const h = await withPending(ids);

    expect(await h.svc.relayOutbox()).toMatchObject({ sent: 60 });
    expect(h.sender.sent.map((e) => e.orderId)).toEqual(ids);
  });

  it("backs a failing entry off, parks it after the last attempt, and sends it after an operator's retry", async () => {
    let now = FIXED_NOW;
    const h = await withPending(["order-a"], { now: () => now });
    h.sender.failWith(new Error("SQS throttled"));

    for (let attempt = 1; attempt <= DEFAULT_RETRY.maxAttempts; attempt++) {
      expect(await h.svc.relayOutbox()).toMatchObject({ failed: 1 });
      // Run again at once: backing off, so not tried again.
      expect(await h.svc.relayOutbox()).toMatchObject({ failed: 0 });
      now = new Date(now.getTime() + retryDelayMs(DEFAULT_RETRY, attempt));
    }

    expect(h.table.outbox.get("order.placed:order-a")).toMatchObject({ state: "parked", attempts: 10 });
    expect(h.sender.attempts).toBe(DEFAULT_RETRY.maxAttempts);
    expect(h.log.lines).toContainEqual({
      level: "warn",
      message: "outbox entry parked: it will not be retried until an operator does",
      extra: {
        orderId: "order-a",
        type: "order.placed",
        correlationId: "corr-order-a",
        eventId: "order.placed:order-a",
        attempts: 10,
        error: "Error: SQS throttled",
        retryWith: "npm run outbox -- retry order.placed:order-a",
      },
    });

    h.sender.recover();
    expect(await h.svc.relayOutbox()).toMatchObject({ sent: 0, parkedTotal: 1 });
    h.table.outbox.retry("order.placed:order-a", now);
    expect(await h.svc.relayOutbox()).toMatchObject({ sent: 1, parkedTotal: 0 });
    expect(h.sender.sent.map((e) => e.orderId)).toEqual(["order-a"]);
  });

  it("sends an entry again when marking it sent failed: at least once, never lost", async () => {
    const h = await withPending(["order-a"]);
    h.table.failMarkSent();

    expect(await h.svc.relayOutbox()).toMatchObject({ sent: 0, failed: 1 });
    expect(unsentOrderIds(h)).toEqual(["order-a"]);

    h.table.restore();
    expect(await h.svc.relayOutbox()).toMatchObject({ sent: 1, failed: 0 });
    // The same event twice, identical: the consumer's idempotency turns it into one ticket.
    expect(h.sender.sent).toHaveLength(2);
    expect(h.sender.sent[1]).toEqual(h.sender.sent[0]);
  });

  it("logs each relayed entry with the order's correlation id, and the run with the backlog's age", async () => {
    const h = await ordersHarness();
    h.table.seedPending(outboxEntry("order-a", "2026-11-27T18:29:00.000Z"));
    h.table.seedPending(outboxEntry("order-b", "2026-11-27T18:28:30.000Z"));
    h.sender.failWith(new Error("SQS down"), (e) => e.orderId === "order-b");

    await h.svc.relayOutbox();

    expect(h.log.lines).toContainEqual({
      level: "info",
      message: "outbox entry relayed",
      extra: {
        orderId: "order-a",
        type: "order.placed",
        eventId: "order.placed:order-a",
        correlationId: "corr-order-a",
      },
    });
    expect(h.log.lines.at(-1)).toEqual({
      level: "info",
      message: "outbox relay run",
      extra: { sent: 1, failed: 1, parked: 0, oldestPendingAgeSeconds: 90, parkedTotal: 0 },
    });
  });
});
