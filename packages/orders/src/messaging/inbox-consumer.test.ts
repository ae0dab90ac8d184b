import type { ContractName, RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import { lambdaContext, snsEnvelope, sqsEvent, sqsRecord } from "@tiffin/kit/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  catalogPublished,
  catalogPublishedV2,
  contractFixtureBody,
  fixtureMenu,
  ordersHarness,
  placeCommand,
  ticketAccepted,
} from "../../test/factories";
import { RecordingLog } from "../../test/fakes";
import { replicaFromCatalog } from "../domain/menu-replica";
import { createInboxConsumer } from "./inbox-consumer";

/** The orders service over fakes with an empty replica, and its inbox consumer as Lambda would run it. */
const setup = async () => {
  const h = await ordersHarness({ menus: [] });
  const consumer = createInboxConsumer(h.svc);
  const deliver = (...records: ReturnType<typeof sqsRecord>[]) =>
    consumer(sqsEvent(...records), lambdaContext());
  return { ...h, deliver };
};

const body = (event: RestaurantCatalogPublishedV1) => JSON.stringify(event);

const nonnaRosa = catalogPublished({
  revision: 1,
  restaurant: { id: "nonna-rosa", slug: "nonna-rosa", name: "Nonna Rosa Pizzeria" },
  items: [{ id: "margherita", name: "Margherita", priceCents: 1450, available: true }],
});

describe("orders inbox consumer (RestaurantCatalogPublished v1)", () => {
  beforeEach(() => {
    vi.stubEnv("LOG_LEVEL", "SILENT");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("keeps the menu replica of the contract fixture", async () => {
    const { deliver, menus } = await setup();

    const result = await deliver(sqsRecord(contractFixtureBody("restaurant.catalog-published.v1")));

    expect(result.batchItemFailures).toEqual([]);
    expect(await menus.get(fixtureMenu.restaurantId)).toEqual(replicaFromCatalog(catalogPublished()));
  });

  it("accepts a body wrapped in an SNS envelope", async () => {
    const { deliver, menus } = await setup();

    const result = await deliver(
      sqsRecord(snsEnvelope(contractFixtureBody("restaurant.catalog-published.v1"))),
    );

    expect(result.batchItemFailures).toEqual([]);
    expect((await menus.get(fixtureMenu.restaurantId))?.revision).toBe(fixtureMenu.revision);
  });

  it("ignores an older revision that arrives after a newer one", async () => {
    const { deliver, menus } = await setup();
    const newer = catalogPublished({ revision: 5, restaurant: { isOpen: false } });

    await deliver(sqsRecord(body(newer)));
    const late = await deliver(sqsRecord(contractFixtureBody("restaurant.catalog-published.v1")));

    expect(late.batchItemFailures).toEqual([]); // stale is handled, not retried
    expect(await menus.get(fixtureMenu.restaurantId)).toEqual(replicaFromCatalog(newer));
  });

  it("keeps the newer revision when both arrive in one batch, in either order", async () => {
    const older = catalogPublished({ revision: 3 });
    const newer = catalogPublished({ revision: 4, restaurant: { deliveryFeeCents: 0 } });
    for (const batch of [
      [older, newer],
      [newer, older],
    ]) {
      const { deliver, menus } = await setup();

      const result = await deliver(...batch.map((e) => sqsRecord(body(e))));

      expect(result.batchItemFailures).toEqual([]);
      expect((await menus.get(fixtureMenu.restaurantId))?.deliveryFeeCents).toBe(0);
    }
  });

  it("changes nothing when the same snapshot is delivered twice", async () => {
    const { deliver, menus } = await setup();
    const snapshot = contractFixtureBody("restaurant.catalog-published.v1");

    await deliver(sqsRecord(snapshot));
    const before = await menus.get(fixtureMenu.restaurantId);
    const again = await deliver(sqsRecord(snapshot));

    expect(again.batchItemFailures).toEqual([]);
    expect(await menus.get(fixtureMenu.restaurantId)).toEqual(before);
  });

  it.each([
    { poison: "invalid JSON", body: '{"type": "restaurant.catalog-published", ' },
    { poison: "a body that breaks the schema", body: body({ ...catalogPublished(), revision: -1 }) },
    { poison: "another event type", body: contractFixtureBody("order.placed.v1") },
  ])(
    "reports only the poison record ($poison) and applies the good ones around it",
    async ({ body: poisonBody }) => {
      const { deliver, menus } = await setup();
      const poison = sqsRecord(poisonBody);

      const result = await deliver(
        sqsRecord(contractFixtureBody("restaurant.catalog-published.v1")),
        poison,
        sqsRecord(body(nonnaRosa)),
      );

      expect(result.batchItemFailures).toEqual([{ itemIdentifier: poison.messageId }]);
      expect((await menus.get(fixtureMenu.restaurantId))?.revision).toBe(fixtureMenu.revision);
      expect((await menus.get("nonna-rosa"))?.name).toBe("Nonna Rosa Pizzeria");
    },
  );

  it("feeds pricing: a dish sold out in the newest snapshot can no longer be ordered", async () => {
    const { deliver, svc } = await setup();
    const soldOut = catalogPublished({
      revision: 4,
      items: [{ ...fixtureMenu.butterChicken, available: false }],
    });

    await deliver(sqsRecord(body(soldOut)));

    await expect(
      svc.quote({
        restaurantId: fixtureMenu.restaurantId,
        lines: [{ itemId: "butter-chicken", quantity: 1 }],
      }),
    ).rejects.toThrow("Butter Chicken is sold out");
  });
});

describe("orders inbox consumer (RestaurantCatalogPublished v2)", () => {
  beforeEach(() => {
    vi.stubEnv("LOG_LEVEL", "SILENT");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("keeps the v2 fixture's store state, hours, zone, location and option groups", async () => {
    const { deliver, menus } = await setup();

    const result = await deliver(sqsRecord(contractFixtureBody("restaurant.catalog-published.v2")));

    expect(result.batchItemFailures).toEqual([]);
    expect(await menus.get(fixtureMenu.restaurantId)).toEqual(replicaFromCatalog(catalogPublishedV2()));
  });

  it("takes v1 and v2 snapshots of one restaurant by revision, whichever version is newer", async () => {
    const { deliver, menus } = await setup();
    await deliver(sqsRecord(contractFixtureBody("restaurant.catalog-published.v2"))); // revision 7
    await deliver(sqsRecord(contractFixtureBody("restaurant.catalog-published.v1"))); // revision 3: stale
    expect((await menus.get(fixtureMenu.restaurantId))?.timeZone).toBe("Europe/London");

    await deliver(sqsRecord(body(catalogPublished({ revision: 8 }))));
    expect((await menus.get(fixtureMenu.restaurantId))?.hours).toBeNull();
  });

  it("a paused v2 store refuses a quote with the time it is back", async () => {
    const { deliver, svc } = await setup();
    const paused = catalogPublishedV2({
      restaurant: {
        store: { state: "paused", pausedUntil: "2026-11-27T19:30:00.000Z", busyExtraMinutes: 0, message: "" },
        hours: [],
        timeZone: "Europe/London",
      },
    });
    await deliver(sqsRecord(JSON.stringify(paused)));
    await expect(
      svc.quote({
        restaurantId: fixtureMenu.restaurantId,
        lines: [{ itemId: "butter-chicken", quantity: 1 }],
      }),
    ).rejects.toThrow("Bombay Tiffin House is paused until 19:30 and isn't taking orders right now.");
  });
});

describe("orders inbox consumer (ticket.* v1)", () => {
  beforeEach(() => {
    vi.stubEnv("LOG_LEVEL", "SILENT");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** The fixtures all name one order: place it (paid), under the fixtures' order id. */
  const withFixtureOrder = async () => {
    const h = await setup();
    await h.menus.apply(replicaFromCatalog(catalogPublished()));
    const fixtureOrderId = ticketAccepted().orderId;
    const placed = await h.svc.place(placeCommand(), {
      correlationId: "corr-inbox",
      log: new RecordingLog(),
    });
    h.table.seedOrder({ ...placed, id: fixtureOrderId, shortCode: "0D9C8C" });
    const order = async () => (await h.table.orders.get(fixtureOrderId))?.status;
    return { ...h, order, fixtureOrderId };
  };
  const fixture = (name: ContractName) => sqsRecord(contractFixtureBody(name));

  it("applies ticket.accepted then ticket.ready from their fixtures", async () => {
    const { deliver, order } = await withFixtureOrder();
    expect((await deliver(fixture("ticket.accepted.v1"))).batchItemFailures).toEqual([]);
    expect(await order()).toBe("accepted");
    expect((await deliver(fixture("ticket.ready.v1"))).batchItemFailures).toEqual([]);
    expect(await order()).toBe("ready");
  });

  it("ticket.rejected and ticket.withdrawn end the order, each from its fixture", async () => {
    const rejected = await withFixtureOrder();
    await rejected.deliver(fixture("ticket.rejected.v1"));
    expect(await rejected.order()).toBe("rejected");

    const withdrawn = await withFixtureOrder();
    await withdrawn.deliver(fixture("ticket.withdrawn.v1"));
    expect(await withdrawn.order()).toBe("cancelled");
  });

  it("reports ready that overtook accepted as a failure (retried later) and applies it after accepted", async () => {
    const { deliver, order } = await withFixtureOrder();
    const early = fixture("ticket.ready.v1");

    const first = await deliver(early);
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: early.messageId }]);
    expect(await order()).toBe("placed");

    // The queue brings the early one back after its backoff; by then accepted has arrived.
    expect((await deliver(fixture("ticket.accepted.v1"))).batchItemFailures).toEqual([]);
    expect((await deliver(early)).batchItemFailures).toEqual([]);
    expect(await order()).toBe("ready");
  });

  it("a duplicate in the same batch is applied once, and nothing fails", async () => {
    const { deliver, order, table, fixtureOrderId } = await withFixtureOrder();
    const result = await deliver(fixture("ticket.accepted.v1"), fixture("ticket.accepted.v1"));
    expect(result.batchItemFailures).toEqual([]);
    expect(await order()).toBe("accepted");
    const timeline = (await table.orders.get(fixtureOrderId))?.timeline.map((e) => e.status);
    expect(timeline).toEqual(["placed", "accepted"]);
  });

  it("dead-letters an event for an order it has never seen, without holding back the others", async () => {
    const { deliver, order } = await withFixtureOrder();
    const stranger = sqsRecord(
      JSON.stringify(ticketAccepted({ orderId: "5b0e3a3e-0000-4000-8000-00000000dead" })),
    );
    const result = await deliver(stranger, fixture("ticket.accepted.v1"));
    // No dead-letter queue is linked in this test: poison is left to the redrive policy, as a failure.
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: stranger.messageId }]);
    expect(await order()).toBe("accepted");
  });

  it("dead-letters a ticket event that breaks its contract", async () => {
    const { deliver } = await withFixtureOrder();
    const broken = sqsRecord(JSON.stringify({ ...ticketAccepted(), prepMinutes: 0 }));
    expect((await deliver(broken)).batchItemFailures).toEqual([{ itemIdentifier: broken.messageId }]);
  });
});
