import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { emulatorClients, freshTable } from "@tiffin/aws/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { catalogEntry, kitchenTicket, pausedStore } from "../../test/factories";
import { demoRestaurants } from "../demo/catalog";
import type { KitchenTicket } from "../domain/kitchen-ticket";
import type { RestaurantRepository } from "../domain/ports";
import type { Restaurant } from "../domain/restaurant";
import { dynamoCatalogOutbox, dynamoRestaurants, dynamoTickets } from "./dynamo";

/** Saves `r` with the outbox entry that announces it, as saveRestaurant does. */
const saveWithEntry = (repo: RestaurantRepository, r: Restaurant) => repo.save(r, catalogEntry(r));

const restaurants: Restaurant[] = demoRestaurants.map((r) => ({ ...r, revision: 1 }));
const ticket = (orderId: string, placedAt: string): KitchenTicket =>
  kitchenTicket({ orderId, placedAt, restaurantId: "nonna-rosa" });

let table: string;
beforeEach(async () => {
  table = await freshTable("RestaurantsTable");
});

describe("RestaurantsTable adapter (DynamoDB Local)", () => {
  it("lists every restaurant, and finds one by slug and by id", async () => {
    const repo = dynamoRestaurants(emulatorClients().db, table);
    for (const r of restaurants) expect(await saveWithEntry(repo, r)).toBe(true);
    expect((await repo.list()).map((r) => r.id).sort()).toEqual(restaurants.map((r) => r.id).sort());
    expect((await repo.bySlug("sakura-ramen-bar"))?.name).toBe("Sakura Ramen Bar");
    expect(await repo.bySlug("no-such-place")).toBeUndefined();
    expect((await repo.byId("nonna-rosa"))?.menu.length).toBeGreaterThan(0);
  });

  it("saves a restaurant only over an older revision", async () => {
    const repo = dynamoRestaurants(emulatorClients().db, table);
    const [first] = restaurants;
    if (!first) throw new Error("no demo data");
    expect(await saveWithEntry(repo, { ...first, revision: 2 })).toBe(true);
    expect(await saveWithEntry(repo, { ...first, revision: 2, store: pausedStore() })).toBe(false);
    expect((await repo.byId(first.id))?.store).toEqual(first.store);
    expect(await saveWithEntry(repo, { ...first, revision: 3, store: pausedStore() })).toBe(true);
    expect((await repo.byId(first.id))?.store).toEqual(pausedStore());
  });

  it("saves a restaurant and its catalog outbox entry in one transaction, and neither when refused", async () => {
    const { db } = emulatorClients();
    const repo = dynamoRestaurants(db, table);
    const outbox = dynamoCatalogOutbox(db, table);
    const [first] = restaurants;
    if (!first) throw new Error("no demo data");

    expect(await repo.save(first, catalogEntry(first, "corr-1"))).toBe(true);
    expect(
      await repo.save({ ...first, name: "Stale" }, catalogEntry({ ...first, name: "Stale" }, "corr-stale")),
    ).toBe(false);

    const due = await outbox.due(new Date(), { limit: 10 });
    expect(due.entries.map((p) => p.entry)).toEqual([catalogEntry(first, "corr-1")]);
    const items = (await db.send(new ScanCommand({ TableName: table }))).Items ?? [];
    expect(items.map((i) => i.sk).sort()).toEqual([
      "OUTBOX#restaurant.catalog-published:bombay-tiffin-house:1",
      "PROFILE",
    ]);
    // Outbox items never show up as restaurants or tickets.
    expect((await repo.list()).map((r) => r.id)).toEqual([first.id]);
    expect((await dynamoTickets(db, table).listForRestaurant(first.id, { limit: 10 })).tickets).toEqual([]);
  });

  it("creates a ticket once per order and lists a restaurant's tickets newest first", async () => {
    const tickets = dynamoTickets(emulatorClients().db, table);
    const early = ticket("order-early", "2026-11-27T18:00:00.000Z");
    const late = ticket("order-late", "2026-11-27T19:00:00.000Z");
    expect(await tickets.createOnce(early)).toBe("created");
    expect(await tickets.createOnce(late)).toBe("created");
    expect(await tickets.createOnce(early)).toBe("duplicate");
    const all = await tickets.listForRestaurant("nonna-rosa", { limit: 10 });
    expect(all.tickets.map((t) => t.orderId)).toEqual(["order-late", "order-early"]);
    expect(all.next).toBeUndefined();
    expect(await tickets.listForRestaurant("green-bowl", { limit: 10 })).toEqual({
      tickets: [],
      next: undefined,
    });
  });

  it("pages a restaurant's tickets newest first: ties by order id, a start between tickets, no empty last page", async () => {
    const tickets = dynamoTickets(emulatorClients().db, table);
    for (const [orderId, placedAt] of [
      ["a", "2026-11-27T18:00:00.000Z"],
      ["b", "2026-11-27T18:00:00.000Z"],
      ["c", "2026-11-27T18:05:00.000Z"],
      ["d", "2026-11-27T18:10:00.000Z"],
    ] as const) {
      await tickets.createOnce(ticket(orderId, placedAt));
    }
    await tickets.createOnce({
      ...ticket("elsewhere", "2026-11-27T18:06:00.000Z"),
      restaurantId: "green-bowl",
    });

    const pages: string[][] = [];
    let page = await tickets.listForRestaurant("nonna-rosa", { limit: 2 });
    pages.push(page.tickets.map((t) => t.orderId));
    while (page.next) {
      page = await tickets.listForRestaurant("nonna-rosa", { limit: 2, after: page.next });
      pages.push(page.tickets.map((t) => t.orderId));
    }
    expect(pages).toEqual([
      ["d", "c"],
      ["b", "a"],
    ]);
    const between = { placedAt: "2026-11-27T18:07:00.000Z", orderId: "x" };
    const fromBetween = await tickets.listForRestaurant("nonna-rosa", { limit: 10, after: between });
    expect(fromBetween.tickets.map((t) => t.orderId)).toEqual(["c", "b", "a"]);
  });
});
