import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { emulatorClients, freshTable } from "@tiffin/aws/testing";
import { OrderCancelRequestedV1 } from "@tiffin/contracts";
import { beforeEach, describe, expect, it } from "vitest";
import {
  contractFixtureBody,
  demoCatalog,
  FIXED_NOW,
  kitchenTicket,
  orderPlaced,
} from "../../test/factories";
import { RecordingCatalogPublisher, RecordingLog } from "../../test/fakes";
import { acceptTicket, ticketAcceptedEvent } from "../domain/kitchen-ticket";
import { createRestaurantsService } from "../domain/restaurants-service";
import { dynamoCatalogOutbox, dynamoRestaurants } from "./dynamo";
import { dynamoTickets } from "./tickets";

/*
 * The tickets adapter against DynamoDB Local: the due-ticket index, conditional steps under real
 * concurrency, tombstones, lanes and sales days, with the service on top where the race is the point.
 */

const BOMBAY = "bombay-tiffin-house";
const staff = { restaurants: [{ id: BOMBAY, role: "staff" as const }] };
const minutes = (n: number) => n * 60_000;

let table: string;
beforeEach(async () => {
  table = await freshTable("RestaurantsTable");
});

/** The real service over DynamoDB Local, with the demo restaurants saved and a settable clock. */
const service = async () => {
  const { db } = emulatorClients();
  const clock = { now: FIXED_NOW };
  const publisher = new RecordingCatalogPublisher();
  const svc = createRestaurantsService({
    restaurants: dynamoRestaurants(db, table),
    tickets: dynamoTickets(db, table),
    publisher,
    outbox: dynamoCatalogOutbox(db, table),
    now: () => clock.now,
    log: new RecordingLog(),
  });
  for (const r of demoCatalog()) await svc.saveRestaurant({ ...r, revision: 0 }, "seed");
  return { svc, clock, publisher, tickets: dynamoTickets(db, table), db };
};

const cancelRequest = (orderId: string) =>
  OrderCancelRequestedV1.parse({
    ...JSON.parse(contractFixtureBody("order.cancel-requested.v1")),
    orderId,
    restaurantId: BOMBAY,
  });

describe("tickets adapter (DynamoDB Local)", () => {
  it("finds only the new tickets whose answer time has passed, oldest first, a page at a time", async () => {
    const tickets = dynamoTickets(emulatorClients().db, table);
    const at = (m: number) => new Date(FIXED_NOW.getTime() + minutes(m));
    for (const [orderId, m] of [
      ["due-2", 2],
      ["due-1", 1],
      ["not-yet", 30],
      ["due-3", 3],
    ] as const) {
      await tickets.createOnce(kitchenTicket({ orderId }, {}, at(m - 10)));
    }
    // An accepted one leaves the index even though its answer time has passed.
    const waiting = kitchenTicket({ orderId: "accepted" }, {}, at(-20));
    await tickets.createOnce(waiting);
    const accepted = acceptTicket(waiting, { now: at(-19), prepMinutes: 10, busyExtraMinutes: 0 });
    const event = ticketAcceptedEvent(accepted, {
      name: "Bombay",
      address: "x",
      location: { lat: 0, lng: 0 },
    });
    const announcement = { id: event.eventId, restaurantId: BOMBAY, event, createdAt: event.occurredAt };
    expect(await tickets.transition(accepted, "new", { announcement })).toBe(true);
    expect(await tickets.transition(accepted, "new", { announcement })).toBe(false);

    const first = await tickets.due(at(5), { limit: 2 });
    expect(first.due.map((d) => d.orderId)).toEqual(["due-1", "due-2"]);
    const second = await tickets.due(at(5), { limit: 2, after: first.next });
    expect(second.due.map((d) => d.orderId)).toEqual(["due-3"]);
    expect(second.due[0]).toEqual({ restaurantId: BOMBAY, orderId: "due-3", answerBy: at(3).toISOString() });
    expect((await tickets.due(at(0), { limit: 10 })).due).toEqual([]);
  });

  it("lets exactly one of 10 parallel accepts win, with one event and one sales count", async () => {
    const { svc, tickets } = await service();
    await svc.receiveOrder(orderPlaced());
    const ref = { restaurantId: BOMBAY, orderId: orderPlaced().orderId };

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => svc.acceptTicket(staff, { ...ref, prepMinutes: 10 + i })),
    );

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected")) {
      expect(r.reason).toMatchObject({ kind: "conflict" });
    }
    const due = await tickets.due(new Date(FIXED_NOW.getTime() + minutes(60)), { limit: 10 });
    expect(due.due).toEqual([]);
    const [day] = await tickets.salesDays(BOMBAY, "2026-11-27", "2026-11-27");
    expect(day).toMatchObject({ accepted: 1, revenueCents: 5103 });
    const outboxItems = (await emulatorClients().db.send(new ScanCommand({ TableName: table }))).Items ?? [];
    expect(outboxItems.filter((i) => String(i.sk).startsWith("OUTBOX#ticket."))).toHaveLength(1);
  });

  it("lets exactly one of an accept and the timer win when they race", async () => {
    for (let round = 0; round < 5; round++) {
      table = await freshTable("RestaurantsTable");
      const { svc, clock, tickets } = await service();
      await svc.receiveOrder(orderPlaced());
      clock.now = new Date(FIXED_NOW.getTime() + minutes(10));

      const [accept, timer] = await Promise.allSettled([
        svc.acceptTicket(staff, { restaurantId: BOMBAY, orderId: orderPlaced().orderId, prepMinutes: 20 }),
        svc.rejectOverdueTickets(),
      ]);

      const found = await tickets.find(BOMBAY, orderPlaced().orderId);
      const status = found?.kind === "ticket" ? found.ticket.status : undefined;
      expect(["accepted", "rejected"]).toContain(status);
      if (status === "accepted") {
        expect(accept.status).toBe("fulfilled");
        expect(timer).toMatchObject({ status: "fulfilled", value: { rejected: 0 } });
      } else {
        expect(accept.status).toBe("rejected");
        expect(timer).toMatchObject({ status: "fulfilled", value: { rejected: 1 } });
      }
    }
  });

  it("withdraws, or tombstones before the order, exactly once even when the request is redelivered in parallel", async () => {
    const { svc, tickets, publisher } = await service();
    await svc.receiveOrder(orderPlaced({ orderId: "placed-first" }));

    const withdrawn = await Promise.all(
      [1, 2, 3].map(() => svc.requestCancel(cancelRequest("placed-first"))),
    );
    const tombstoned = await Promise.all(
      [1, 2, 3].map(() => svc.requestCancel(cancelRequest("cancelled-first"))),
    );

    expect(withdrawn.filter((o) => o === "withdrawn")).toHaveLength(1);
    expect(tombstoned.filter((o) => o === "tombstoned")).toHaveLength(1);
    expect(await tickets.find(BOMBAY, "cancelled-first")).toMatchObject({ kind: "tombstone" });
    expect(await svc.receiveOrder(orderPlaced({ orderId: "cancelled-first" }))).toBe("duplicate");
    expect((await svc.tickets(BOMBAY, staff)).tickets.map((t) => t.orderId)).toEqual(["placed-first"]);
    expect(publisher.ticketEvents.map((e) => `${e.type} ${e.orderId}`).sort()).toEqual([
      "ticket.withdrawn cancelled-first",
      "ticket.withdrawn placed-first",
    ]);
  });

  it("lists each lane of the board newest first, a page at a time", async () => {
    const { svc } = await service();
    for (let i = 0; i < 5; i++) {
      await svc.receiveOrder(
        orderPlaced({
          orderId: `order-${i}`,
          placedAt: new Date(FIXED_NOW.getTime() + i * 1000).toISOString(),
        }),
      );
    }
    await svc.acceptTicket(staff, { restaurantId: BOMBAY, orderId: "order-1", prepMinutes: 10 });
    await svc.acceptTicket(staff, { restaurantId: BOMBAY, orderId: "order-3", prepMinutes: 10 });
    await svc.markTicketReady(staff, { restaurantId: BOMBAY, orderId: "order-3" });
    await svc.rejectTicket(staff, { restaurantId: BOMBAY, orderId: "order-4", reason: "too_busy" });

    const lane = async (l: "new" | "preparing" | "ready" | "done", limit = 10, cursor?: string | null) =>
      svc.tickets(BOMBAY, staff, { lane: l, limit, cursor });

    const firstNew = await lane("new", 1);
    expect(firstNew.tickets.map((t) => t.orderId)).toEqual(["order-2"]);
    const nextNew = await lane("new", 1, firstNew.nextCursor);
    expect(nextNew.tickets.map((t) => t.orderId)).toEqual(["order-0"]);
    expect(nextNew.nextCursor).toBeNull();
    expect((await lane("preparing")).tickets.map((t) => t.orderId)).toEqual(["order-1"]);
    expect((await lane("ready")).tickets.map((t) => t.orderId)).toEqual(["order-3"]);
    expect((await lane("done")).tickets.map((t) => [t.orderId, t.status])).toEqual([["order-4", "rejected"]]);
  });

  it("keeps per-day sales from every step: accepted revenue and dishes, rejections, withdrawals", async () => {
    const { svc } = await service();
    await svc.receiveOrder(orderPlaced({ orderId: "a" }));
    await svc.receiveOrder(orderPlaced({ orderId: "b" }));
    await svc.receiveOrder(orderPlaced({ orderId: "c" }));
    await svc.acceptTicket(staff, { restaurantId: BOMBAY, orderId: "a", prepMinutes: 10 });
    await svc.rejectTicket(staff, { restaurantId: BOMBAY, orderId: "b", reason: "closing" });
    await svc.requestCancel(cancelRequest("c"));

    const report = await svc.sales(staff, BOMBAY);

    expect(report.todaySummary).toEqual({
      orders: 1,
      revenueCents: 5103,
      averageOrderCents: 5103,
      rejected: 1,
      rejectedAutomatically: 0,
      rejectionRate: 0.5,
      withdrawn: 1,
      topItems: [
        { itemId: "garlic-naan", name: "Garlic Naan", quantity: 3 },
        { itemId: "butter-chicken", name: "Butter Chicken", quantity: 2 },
      ],
    });
  });
});
