import { describe, expect, it } from "vitest";
import { ticketFromOrder } from "../src/domain/kitchen-ticket";
import type { Restaurant } from "../src/domain/restaurant";
import { catalogEntry, orderPlaced, restaurant, SF_KITCHEN } from "./factories";
import { InMemoryRestaurants, InMemoryTickets } from "./fakes";

/*
 * The fakes stand in for DynamoDB in every fast test, so they must be exactly as strict as the
 * adapters in src/storage/dynamo.ts.
 */

/** Saves `r` with the outbox entry that announces it, as saveRestaurant does. */
const saveWithEntry = (repo: InMemoryRestaurants, r: Restaurant) => repo.save(r, catalogEntry(r));

describe("InMemoryRestaurants", () => {
  it("saves only over an older revision", async () => {
    const repo = new InMemoryRestaurants();

    expect(await saveWithEntry(repo, restaurant({ revision: 1 }))).toBe(true);
    expect(await saveWithEntry(repo, restaurant({ revision: 1, name: "Same Revision" }))).toBe(false);
    expect(await saveWithEntry(repo, restaurant({ revision: 0, name: "Older" }))).toBe(false);
    expect((await repo.byId("test-kitchen"))?.name).toBe("Test Kitchen");
    expect(await saveWithEntry(repo, restaurant({ revision: 2, name: "Newer" }))).toBe(true);
    expect((await repo.bySlug("test-kitchen"))?.name).toBe("Newer");
  });

  it("writes the catalog outbox entry with a save, and none when the save is refused", async () => {
    const repo = new InMemoryRestaurants();
    const first = restaurant({ revision: 1 });
    const stale = restaurant({ revision: 1, name: "Same Revision" });

    await saveWithEntry(repo, first);
    await repo.save(stale, catalogEntry(stale, "corr-stale"));

    expect(repo.outbox.unsent().map((e) => e.event.correlationId)).toEqual(["corr-test"]);
  });

  it("lists by slug and hands out copies", async () => {
    const repo = new InMemoryRestaurants();
    await saveWithEntry(repo, restaurant({ id: "zeta" }));
    await saveWithEntry(repo, restaurant({ id: "alpha" }));

    const listed = await repo.list();
    expect(listed.map((r) => r.slug)).toEqual(["alpha", "zeta"]);
    const first = listed[0];
    if (first) first.name = "Changed by a caller";
    expect((await repo.byId("alpha"))?.name).toBe("Test Kitchen");
  });
});

describe("InMemoryTickets", () => {
  it("creates a ticket once per order and lists a restaurant's tickets newest first", async () => {
    const tickets = new InMemoryTickets();
    const at = new Date("2026-11-27T18:31:00.000Z");
    const early = ticketFromOrder(
      orderPlaced({ orderId: "early", placedAt: "2026-11-27T18:00:00.000Z" }),
      at,
      SF_KITCHEN,
    );
    const late = ticketFromOrder(
      orderPlaced({ orderId: "late", placedAt: "2026-11-27T19:00:00.000Z" }),
      at,
      SF_KITCHEN,
    );

    expect(await tickets.createOnce(early)).toBe("created");
    expect(await tickets.createOnce(late)).toBe("created");
    expect(await tickets.createOnce({ ...early, customerName: "Redelivered" })).toBe("duplicate");

    const all = await tickets.listForRestaurant("bombay-tiffin-house", { limit: 10 });
    expect(all.tickets.map((t) => t.orderId)).toEqual(["late", "early"]);
    expect(all.next).toBeUndefined();
    const first = await tickets.listForRestaurant("bombay-tiffin-house", { limit: 1 });
    expect(first.tickets.map((t) => t.orderId)).toEqual(["late"]);
    expect(first.next).toEqual({ placedAt: late.placedAt, orderId: "late" });
    const rest = await tickets.listForRestaurant("bombay-tiffin-house", { limit: 1, after: first.next });
    expect(rest).toEqual({ tickets: [early], next: undefined });
    expect((await tickets.listForRestaurant("nonna-rosa", { limit: 10 })).tickets).toEqual([]);
    expect(tickets.all().find((t) => t.orderId === "early")?.customerName).toBe("Asha Patel");
  });

  it("pages like the DynamoDB adapter: ties by order id, a start between tickets, no empty last page", async () => {
    const tickets = new InMemoryTickets();
    const at = new Date("2026-11-27T18:31:00.000Z");
    for (const [orderId, placedAt] of [
      ["a", "2026-11-27T18:00:00.000Z"],
      ["b", "2026-11-27T18:00:00.000Z"],
      ["c", "2026-11-27T18:05:00.000Z"],
      ["d", "2026-11-27T18:10:00.000Z"],
    ] as const) {
      await tickets.createOnce(ticketFromOrder(orderPlaced({ orderId, placedAt }), at, SF_KITCHEN));
    }
    const pages: string[][] = [];
    let page = await tickets.listForRestaurant("bombay-tiffin-house", { limit: 2 });
    pages.push(page.tickets.map((t) => t.orderId));
    while (page.next) {
      page = await tickets.listForRestaurant("bombay-tiffin-house", { limit: 2, after: page.next });
      pages.push(page.tickets.map((t) => t.orderId));
    }
    expect(pages).toEqual([
      ["d", "c"],
      ["b", "a"],
    ]);
    const between = { placedAt: "2026-11-27T18:07:00.000Z", orderId: "x" };
    const fromBetween = await tickets.listForRestaurant("bombay-tiffin-house", { limit: 10, after: between });
    expect(fromBetween.tickets.map((t) => t.orderId)).toEqual(["c", "b", "a"]);
  });
});
