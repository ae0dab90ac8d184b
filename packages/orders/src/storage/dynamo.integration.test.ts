import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { emulatorClients, freshTable } from "@tiffin/aws/testing";
import { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import { beforeEach, describe, expect, it } from "vitest";
import { anOrder, outboxEntryOf } from "../../test/factories";
import { replicaFromCatalog } from "../domain/menu-replica";
import { dynamoMenuReplica, dynamoOrders, dynamoOutbox, dynamoRateLimiter } from "./dynamo";

const catalog = RestaurantCatalogPublishedV1.parse(
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, "../../../contracts/fixtures/restaurant.catalog-published.v1.json"),
      "utf8",
    ),
  ),
);

let table: string;
beforeEach(async () => {
  table = await freshTable("OrdersTable");
});
const itemCount = async () =>
  (await emulatorClients().db.send(new ScanCommand({ TableName: table }))).Count ?? 0;

describe("OrdersTable adapter (DynamoDB Local)", () => {
  it("saves order, idempotency record and outbox entry together, and reads them back", async () => {
    const { db } = emulatorClients();
    const orders = dynamoOrders(db, table);
    const order = anOrder();
    expect(
      await orders.placeWithOutbox({
        order,
        outbox: outboxEntryOf(order),
        idempotencyKey: "k-1",
        requestHash: "h-1",
      }),
    ).toBe("placed");
    expect(await orders.get(order.id)).toEqual(order);
    expect(await orders.byIdempotencyKey("k-1")).toEqual({ order, requestHash: "h-1" });
    expect(await itemCount()).toBe(3);
  });

  it("refuses a second order with a taken idempotency key and writes nothing of it", async () => {
    const { db } = emulatorClients();
    const orders = dynamoOrders(db, table);
    const first = anOrder();
    await orders.placeWithOutbox({
      order: first,
      outbox: outboxEntryOf(first),
      idempotencyKey: "k-2",
      requestHash: "h",
    });
    const second = anOrder();
    expect(
      await orders.placeWithOutbox({
        order: second,
        outbox: outboxEntryOf(second),
        idempotencyKey: "k-2",
        requestHash: "h",
      }),
    ).toBe("duplicate");
    expect(await orders.get(second.id)).toBeUndefined();
    expect(await itemCount()).toBe(3);
  });

  it("lists only unsent outbox entries, oldest first, and forgets them once sent", async () => {
    const { db } = emulatorClients();
    const orders = dynamoOrders(db, table);
    const outbox = dynamoOutbox(db, table);
    const older = anOrder(randomUUID(), "2026-11-27T10:00:00.000Z");
    const newer = anOrder(randomUUID(), "2026-11-27T11:00:00.000Z");
    for (const [o, k] of [
      [newer, "k-n"],
      [older, "k-o"],
    ] as const) {
      await orders.placeWithOutbox({
        order: o,
        outbox: outboxEntryOf(o),
        idempotencyKey: k,
        requestHash: "h",
      });
    }
    const due = async () => (await outbox.due(new Date(), { limit: 10 })).entries.map((p) => p.entry.orderId);
    expect(await due()).toEqual([older.id, newer.id]);
    await outbox.markSent(outboxEntryOf(older), new Date());
    expect(await due()).toEqual([newer.id]);
  });

  it("keeps the newest menu revision whatever order snapshots arrive in", async () => {
    const { db } = emulatorClients();
    const menus = dynamoMenuReplica(db, table);
    const v3 = replicaFromCatalog(catalog);
    const v2 = { ...v3, revision: 2, isOpen: false };
    expect(await menus.apply(v3)).toBe("applied");
    expect(await menus.apply(v2)).toBe("stale");
    expect(await menus.apply(v3)).toBe("stale");
    expect(await menus.get(v3.restaurantId)).toEqual(v3);
    expect(await menus.apply({ ...v3, revision: 4, isOpen: false })).toBe("applied");
    expect((await menus.get(v3.restaurantId))?.isOpen).toBe(false);
  });
});

describe("rate counters (DynamoDB Local)", () => {
  const limit = { max: 10, windowSeconds: 600 };
  const at = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 18, 30, 0) + seconds * 1000);

  it("lets exactly the limit through when 25 requests race for it, and says when the window ends", async () => {
    const limiter = dynamoRateLimiter(emulatorClients().db, table);

    const results = await Promise.all(
      Array.from({ length: 25 }, () => limiter.take("customer:c-1", limit, at(30))),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok)).toEqual(Array(15).fill({ ok: false, retryAfterSeconds: 570 }));
  });

  it("starts a new window at one use, keeps subjects apart, and gives back only in the same window", async () => {
    const limiter = dynamoRateLimiter(emulatorClients().db, table);
    const two = { max: 2, windowSeconds: 60 };
    expect(await limiter.take("k", two, at(0))).toEqual({ ok: true });
    expect(await limiter.take("k", two, at(1))).toEqual({ ok: true });
    expect(await limiter.take("k", two, at(2))).toEqual({ ok: false, retryAfterSeconds: 58 });
    expect(await limiter.take("other", two, at(2))).toEqual({ ok: true });

    await limiter.giveBack("k", two, at(0));
    expect(await limiter.take("k", two, at(3))).toEqual({ ok: true });

    expect(await limiter.take("k", two, at(60))).toEqual({ ok: true });
    await limiter.giveBack("k", two, at(3)); // that window is over: nothing to give back
    expect(await limiter.take("k", two, at(61))).toEqual({ ok: true });
    expect(await limiter.take("k", two, at(62))).toMatchObject({ ok: false });
  });
});
