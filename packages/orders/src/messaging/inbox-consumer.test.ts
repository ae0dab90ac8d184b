import type { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import { lambdaContext, snsEnvelope, sqsEvent, sqsRecord } from "@tiffin/kit/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { catalogPublished, contractFixtureBody, fixtureMenu, ordersHarness } from "../../test/factories";
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
