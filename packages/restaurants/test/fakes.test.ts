import { describe, expect, it } from "vitest";
import { ticketFromOrder } from "../src/domain/kitchen-ticket";
import { orderPlaced, restaurant } from "./factories";
import { InMemoryRestaurants, InMemoryTickets } from "./fakes";

/*
 * The fakes stand in for DynamoDB in every fast test, so they must be exactly as strict as the
 * adapters in src/storage/dynamo.ts.
 */

describe("InMemoryRestaurants", () => {
  it("saves only over an older revision", async () => {
    const repo = new InMemoryRestaurants();

    expect(await repo.save(restaurant({ revision: 1 }))).toBe(true);
    expect(await repo.save(restaurant({ revision: 1, name: "Same Revision" }))).toBe(false);
    expect(await repo.save(restaurant({ revision: 0, name: "Older" }))).toBe(false);
    expect((await repo.byId("test-kitchen"))?.name).toBe("Test Kitchen");
    expect(await repo.save(restaurant({ revision: 2, name: "Newer" }))).toBe(true);
    expect((await repo.bySlug("test-kitchen"))?.name).toBe("Newer");
  });

  it("lists by slug and hands out copies", async () => {
    const repo = new InMemoryRestaurants();
    await repo.save(restaurant({ id: "zeta" }));
    await repo.save(restaurant({ id: "alpha" }));

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
    );
    const late = ticketFromOrder(orderPlaced({ orderId: "late", placedAt: "2026-11-27T19:00:00.000Z" }), at);

    expect(await tickets.createOnce(early)).toBe("created");
    expect(await tickets.createOnce(late)).toBe("created");
    expect(await tickets.createOnce({ ...early, customerName: "Redelivered" })).toBe("duplicate");

    expect((await tickets.listForRestaurant("bombay-tiffin-house", 10)).map((t) => t.orderId)).toEqual([
      "late",
      "early",
    ]);
    expect(await tickets.listForRestaurant("bombay-tiffin-house", 1)).toHaveLength(1);
    expect(await tickets.listForRestaurant("nonna-rosa", 10)).toEqual([]);
    expect(tickets.all().find((t) => t.orderId === "early")?.customerName).toBe("Asha Patel");
  });
});
