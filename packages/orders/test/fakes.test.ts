import { describe, expect, it } from "vitest";
import type { Order } from "../src/domain/order";
import { orderPlacedEvent } from "../src/domain/place-order";
import { priceOrder } from "../src/domain/pricing";
import { fixtureMenu, outboxEntry, replicatedMenu } from "./factories";
import { InMemoryMenuReplica, InMemoryOrdersTable, InMemoryRateLimiter } from "./fakes";

/*
 * The fakes stand in for DynamoDB in every fast test, so they must be exactly as strict as the
 * adapters in src/storage/dynamo.ts (whose integration test checks the real table).
 */

const anOrder = (id: string): Order => {
  const placedAt = "2026-11-27T18:30:00.000Z";
  return {
    ...priceOrder(replicatedMenu(), [{ itemId: fixtureMenu.butterChicken.id, quantity: 1 }]),
    id,
    customerId: "customer-1",
    shortCode: id.slice(0, 6).toUpperCase(),
    status: "placed",
    customer: { name: "Asha", phone: "+1 415 555 0134" },
    delivery: { address: "221 Valencia St", notes: "" },
    placedAt,
    correlationId: "corr-1",
    timeline: [{ status: "placed", at: placedAt }],
  };
};

const placement = (orderId: string, idempotencyKey: string) => {
  const order = anOrder(orderId);
  const event = orderPlacedEvent(order);
  return {
    order,
    outbox: { id: event.eventId, orderId, event, createdAt: order.placedAt },
    idempotencyKey,
    requestHash: "h1",
  };
};

describe("InMemoryOrdersTable", () => {
  it("writes the order, its idempotency record and its outbox entry together", async () => {
    const table = new InMemoryOrdersTable();

    expect(await table.orders.placeWithOutbox(placement("order-1", "key-1"))).toBe("placed");

    expect(await table.orders.get("order-1")).toEqual(anOrder("order-1"));
    expect(await table.orders.byIdempotencyKey("key-1")).toEqual({
      order: anOrder("order-1"),
      requestHash: "h1",
    });
    expect(table.outbox.unsent().map((e) => e.orderId)).toEqual(["order-1"]);
  });

  it('answers "duplicate" for a taken idempotency key and writes nothing at all', async () => {
    const table = new InMemoryOrdersTable();
    await table.orders.placeWithOutbox(placement("order-1", "key-1"));

    expect(await table.orders.placeWithOutbox(placement("order-2", "key-1"))).toBe("duplicate");

    expect(await table.orders.get("order-2")).toBeUndefined();
    expect(table.allOutbox()).toHaveLength(1);
  });

  it("throws and writes nothing when the order id is taken, as the cancelled transaction does", async () => {
    const table = new InMemoryOrdersTable();
    await table.orders.placeWithOutbox(placement("order-1", "key-1"));

    await expect(table.orders.placeWithOutbox(placement("order-1", "key-2"))).rejects.toThrow(
      /already exists/,
    );

    expect(await table.orders.byIdempotencyKey("key-2")).toBeUndefined();
    expect(table.allOutbox()).toHaveLength(1);
  });

  it("writes nothing when the table is unreachable", async () => {
    const table = new InMemoryOrdersTable();
    table.failWrites();

    await expect(table.orders.placeWithOutbox(placement("order-1", "key-1"))).rejects.toThrow();

    expect(table.allOrders()).toEqual([]);
    expect(table.allOutbox()).toEqual([]);
    expect(table.idempotencyKeys()).toEqual([]);
  });

  it("hands out copies, so a caller cannot change what is stored", async () => {
    const table = new InMemoryOrdersTable();
    await table.orders.placeWithOutbox(placement("order-1", "key-1"));

    const read = await table.orders.get("order-1");
    if (read) read.totalCents = 1;

    expect((await table.orders.get("order-1"))?.totalCents).toBe(anOrder("order-1").totalCents);
  });

  it("lists due outbox entries oldest first, a page at a time, and drops marked ones", async () => {
    const table = new InMemoryOrdersTable();
    const late = outboxEntry("late", "2026-11-27T18:02:00.000Z");
    const early = outboxEntry("early", "2026-11-27T18:01:00.000Z");
    table.seedPending(late);
    table.seedPending(early);
    const now = new Date("2026-11-27T18:03:00.000Z");

    const first = await table.outbox.due(now, { limit: 1 });
    expect(first.entries.map((p) => p.entry.orderId)).toEqual(["early"]);
    expect(
      (await table.outbox.due(now, { limit: 1, after: first.next })).entries.map((p) => p.entry.orderId),
    ).toEqual(["late"]);
    await table.outbox.markSent(early, now);
    expect(table.outbox.unsent().map((e) => e.orderId)).toEqual(["late"]);
  });

  it('answers "duplicate" and writes nothing while a twin holds the key (contendNext)', async () => {
    const table = new InMemoryOrdersTable();
    table.contendNext(1);

    expect(await table.orders.placeWithOutbox(placement("order-1", "key-1"))).toBe("duplicate");
    expect(table.allOrders()).toEqual([]);
    expect(await table.orders.placeWithOutbox(placement("order-1", "key-1"))).toBe("placed");
  });
});

describe("InMemoryRateLimiter", () => {
  const limit = { max: 2, windowSeconds: 60 };
  const at = (s: number) => new Date(Date.UTC(2026, 10, 27, 18, 0, s));

  it("counts up to the limit in a window, says how long until the next, and starts again then", async () => {
    const limiter = new InMemoryRateLimiter();

    expect(await limiter.take("k", limit, at(0))).toEqual({ ok: true });
    expect(await limiter.take("k", limit, at(10))).toEqual({ ok: true });
    expect(await limiter.take("k", limit, at(45))).toEqual({ ok: false, retryAfterSeconds: 15 });
    expect(await limiter.take("k", limit, at(60))).toEqual({ ok: true });
    expect(limiter.uses("k")).toBe(1);
  });

  it("gives a use back only in the window it was taken in", async () => {
    const limiter = new InMemoryRateLimiter();
    await limiter.take("k", limit, at(0));
    await limiter.giveBack("k", limit, at(0));
    expect(limiter.uses("k")).toBe(0);
    await limiter.giveBack("k", limit, at(0));
    expect(limiter.uses("k")).toBe(0);
  });
});

describe("InMemoryMenuReplica", () => {
  it("applies a newer revision and calls the same or an older one stale", async () => {
    const menus = new InMemoryMenuReplica();

    expect(await menus.apply(replicatedMenu({ revision: 3 }))).toBe("applied");
    expect(await menus.apply(replicatedMenu({ revision: 3, isOpen: false }))).toBe("stale");
    expect(await menus.apply(replicatedMenu({ revision: 2, isOpen: false }))).toBe("stale");
    expect((await menus.get(fixtureMenu.restaurantId))?.isOpen).toBe(true);
    expect(await menus.apply(replicatedMenu({ revision: 4, isOpen: false }))).toBe("applied");
    expect((await menus.get(fixtureMenu.restaurantId))?.isOpen).toBe(false);
  });
});
