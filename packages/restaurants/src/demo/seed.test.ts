import { RestaurantCatalogPublishedV2 } from "@tiffin/contracts";
import { describe, expect, it } from "vitest";
import { pausedStore, restaurantsHarness } from "../../test/factories";
import { demoRestaurants } from "./catalog";
import { seedDemoCatalog } from "./seed";

const revisions = (events: RestaurantCatalogPublishedV2[]) =>
  Object.fromEntries(events.map((e) => [e.restaurant.id, e.revision]));

describe("seedDemoCatalog", () => {
  it("seeds the demo restaurants at revision 1 into an empty store and publishes each catalog", async () => {
    const { svc, restaurants, publisher } = await restaurantsHarness({ restaurants: [] });

    expect(await seedDemoCatalog(svc, "corr-seed")).toEqual({
      seeded: demoRestaurants.length,
      published: demoRestaurants.length,
    });

    const stored = await restaurants.list();
    expect(stored.map((r) => r.id).sort()).toEqual(demoRestaurants.map((r) => r.id).sort());
    expect(stored.every((r) => r.revision === 1)).toBe(true);
    expect(publisher.published).toHaveLength(demoRestaurants.length);
    for (const event of publisher.published) {
      expect(RestaurantCatalogPublishedV2.safeParse(event).success).toBe(true);
      expect(event.correlationId).toBe("corr-seed");
    }
  });

  it("only republishes on later starts: nothing is written again and revisions stay where they are", async () => {
    const { svc, restaurants, publisher } = await restaurantsHarness({ restaurants: [] });
    await seedDemoCatalog(svc, "corr-first-start");
    const afterFirst = await restaurants.list();
    const savesAfterFirst = restaurants.saves;

    expect(await seedDemoCatalog(svc, "corr-second-start")).toEqual({
      seeded: 0,
      published: demoRestaurants.length,
    });

    expect(restaurants.saves).toBe(savesAfterFirst);
    expect(await restaurants.list()).toEqual(afterFirst);
    const republished = publisher.published.slice(demoRestaurants.length);
    expect(republished).toHaveLength(demoRestaurants.length);
    expect(Object.values(revisions(republished))).toEqual(demoRestaurants.map(() => 1));
    expect(republished.every((e) => e.correlationId === "corr-second-start")).toBe(true);
  });

  it("keeps what staff changed since the first seed and republishes that revision", async () => {
    const { svc, restaurants, publisher } = await restaurantsHarness({ restaurants: [] });
    await seedDemoCatalog(svc, "corr-first-start");
    const nonna = await svc.bySlug("nonna-rosa");
    await svc.saveRestaurant({ ...nonna, store: pausedStore("Back at 19:00") }, "corr-staff");
    const before = publisher.published.length;

    await seedDemoCatalog(svc, "corr-restart");

    const stored = await restaurants.byId("nonna-rosa");
    expect(stored).toMatchObject({ revision: 2, store: { state: "paused", message: "Back at 19:00" } });
    expect(stored).not.toHaveProperty("isOpen");
    expect(stored).not.toHaveProperty("availability");
    const republished = publisher.published.slice(before);
    expect(revisions(republished)["nonna-rosa"]).toBe(2);
    expect(republished.find((e) => e.restaurant.id === "nonna-rosa")?.restaurant.store).toMatchObject({
      state: "paused",
      message: "Back at 19:00",
    });
  });
});
