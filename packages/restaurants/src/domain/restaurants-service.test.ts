import { RestaurantCatalogPublishedV2 } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import { describe, expect, it } from "vitest";
import {
  demoRestaurant,
  FIXED_NOW,
  menuItem,
  orderPlaced,
  pausedStore,
  restaurant,
  restaurantsHarness,
} from "../../test/factories";
import { ticketFromOrder } from "./kitchen-ticket";
import { BAD_CURSOR, TICKETS_PAGE } from "./ticket-page";

/** The DomainError a promise rejected with; fails the test if it resolved. */
const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof DomainError) return error;
  throw new Error(`expected a DomainError, got ${String(error)}`);
};

describe("restaurants service", () => {
  describe("receiveOrder", () => {
    it("turns an OrderPlaced into one new kitchen ticket", async () => {
      const { svc, tickets } = await restaurantsHarness();
      const event = orderPlaced();

      expect(await svc.receiveOrder(event)).toBe("created");

      expect(tickets.all()).toEqual([
        ticketFromOrder(event, FIXED_NOW, { timeZone: "America/Los_Angeles", answerMinutes: 10 }),
      ]);
      expect(tickets.all()[0]).toMatchObject({
        orderId: event.orderId,
        shortCode: "7F1C2A",
        restaurantId: "bombay-tiffin-house",
        status: "new",
        customerName: "Asha Patel",
        deliveryNotes: "Ring twice",
        itemCount: 5,
        totalCents: 5103,
        correlationId: event.correlationId,
        receivedAt: FIXED_NOW.toISOString(),
      });
    });

    it("answers duplicate for the same event again and keeps one ticket", async () => {
      const { svc, tickets } = await restaurantsHarness();
      const event = orderPlaced();

      await svc.receiveOrder(event);
      expect(await svc.receiveOrder(structuredClone(event))).toBe("duplicate");

      expect(tickets.all()).toHaveLength(1);
    });

    it("keeps one ticket when two deliveries of the same event race", async () => {
      const { svc, tickets } = await restaurantsHarness();
      const event = orderPlaced();

      const outcomes = await Promise.all([svc.receiveOrder(event), svc.receiveOrder(structuredClone(event))]);

      expect(outcomes.sort()).toEqual(["created", "duplicate"]);
      expect(tickets.all()).toHaveLength(1);
    });

    it("throws for a restaurant it does not know, so the message is retried and then dead-lettered", async () => {
      const { svc, effects } = await restaurantsHarness();

      const error = await refusal(svc.receiveOrder(orderPlaced({ restaurantId: "no-such-restaurant" })));

      expect(error.kind).toBe("not_found");
      expect(effects().tickets).toBe(0);
    });
  });

  describe("tickets", () => {
    const staff = { restaurants: [{ id: "bombay-tiffin-house", role: "staff" as const }] };
    /** `count` orders for Bombay, one a minute from 10:00, order-0 the oldest. */
    const withOrders = async (count: number) => {
      const h = await restaurantsHarness();
      for (let i = 0; i < count; i++) {
        const at = new Date(Date.UTC(2026, 10, 27, 10, i)).toISOString();
        await h.svc.receiveOrder(orderPlaced({ orderId: `order-${i}`, placedAt: at }));
      }
      return h;
    };

    it("lists one restaurant's tickets, newest first", async () => {
      const { svc } = await restaurantsHarness();
      await svc.receiveOrder(orderPlaced({ orderId: "order-early", placedAt: "2026-11-27T18:00:00.000Z" }));
      await svc.receiveOrder(orderPlaced({ orderId: "order-late", placedAt: "2026-11-27T19:00:00.000Z" }));
      await svc.receiveOrder(orderPlaced({ orderId: "order-elsewhere", restaurantId: "nonna-rosa" }));

      const page = await svc.tickets("bombay-tiffin-house", staff);

      expect(page.tickets.map((t) => t.orderId)).toEqual(["order-late", "order-early"]);
      expect(page.nextCursor).toBeNull();
    });

    it(`returns the newest ${TICKETS_PAGE} tickets by default, and a cursor to the older ones`, async () => {
      const { svc } = await withOrders(TICKETS_PAGE + 3);

      const page = await svc.tickets("bombay-tiffin-house", staff);

      expect(page.tickets).toHaveLength(TICKETS_PAGE);
      expect(page.tickets[0]?.orderId).toBe(`order-${TICKETS_PAGE + 2}`);
      expect(page.nextCursor).toEqual(expect.any(String));
    });

    it("walks every ticket exactly once, page by page, however many there are", async () => {
      const { svc } = await withOrders(7);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await svc.tickets("bombay-tiffin-house", staff, { limit: 3, cursor });
        seen.push(...page.tickets.map((t) => t.orderId));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);

      expect(pages).toBe(3);
      expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `order-${i}`));
    });

    it("keeps the newest page newest when orders keep arriving, and older pages stable", async () => {
      const { svc } = await withOrders(4);
      const first = await svc.tickets("bombay-tiffin-house", staff, { limit: 2 });
      await svc.receiveOrder(orderPlaced({ orderId: "order-new", placedAt: "2026-11-27T11:00:00.000Z" }));

      const older = await svc.tickets("bombay-tiffin-house", staff, { limit: 2, cursor: first.nextCursor });
      const newest = await svc.tickets("bombay-tiffin-house", staff, { limit: 2 });

      expect(older.tickets.map((t) => t.orderId)).toEqual(["order-1", "order-0"]);
      expect(newest.tickets[0]?.orderId).toBe("order-new");
    });

    it.each([
      ["not base64url", "not a cursor!"],
      ["not JSON", Buffer.from("{oops").toString("base64url")],
      ["the wrong shape", Buffer.from(JSON.stringify({ placedAt: "x" })).toString("base64url")],
      ["a date that is not one", Buffer.from(JSON.stringify(["yesterday", "order-1"])).toString("base64url")],
      [
        "an empty order id",
        Buffer.from(JSON.stringify(["2026-11-27T10:00:00.000Z", ""])).toString("base64url"),
      ],
      ["a lone surrogate", Buffer.from('["2026-11-27T10:00:00.000Z","\\ud800"]').toString("base64url")],
    ])("refuses a cursor that is %s as invalid, with a message", async (_case, cursor) => {
      const { svc } = await withOrders(2);

      const error = await refusal(svc.tickets("bombay-tiffin-house", staff, { cursor }));

      expect(error.kind).toBe("invalid");
      expect(error.message).toBe(BAD_CURSOR);
      expect(error.fieldErrors).toEqual({ cursor: BAD_CURSOR });
    });

    it("answers another restaurant's tickets not found before looking at the cursor", async () => {
      const { svc } = await withOrders(1);

      const error = await refusal(
        svc.tickets(
          "bombay-tiffin-house",
          { restaurants: [{ id: "nonna-rosa", role: "staff" }] },
          { cursor: "junk!" },
        ),
      );

      expect(error.kind).toBe("not_found");
    });

    it("refuses an unknown restaurant as not found", async () => {
      const { svc } = await restaurantsHarness();

      expect(
        (
          await refusal(
            svc.tickets("no-such-restaurant", { restaurants: [{ id: "no-such-restaurant", role: "staff" }] }),
          )
        ).kind,
      ).toBe("not_found");
    });
  });

  describe("saveRestaurant", () => {
    it("bumps the revision, stores it and publishes a catalog event that matches the contract", async () => {
      const { svc, restaurants, publisher } = await restaurantsHarness();
      const current = demoRestaurant("bombay-tiffin-house");

      const saved = await svc.saveRestaurant({ ...current, store: pausedStore("Back at 7") }, "corr-staff-1");

      expect(saved.revision).toBe(2);
      expect(await restaurants.byId(current.id)).toEqual(saved);
      expect(publisher.published).toHaveLength(1);
      const event = RestaurantCatalogPublishedV2.parse(publisher.published[0]);
      expect(event).toMatchObject({
        type: "restaurant.catalog-published",
        version: 2,
        eventId: "restaurant.catalog-published:bombay-tiffin-house:2",
        occurredAt: FIXED_NOW.toISOString(),
        correlationId: "corr-staff-1",
        revision: 2,
        restaurant: {
          id: "bombay-tiffin-house",
          slug: "bombay-tiffin-house",
          name: "Bombay Tiffin House",
          store: { state: "paused", pausedUntil: null, busyExtraMinutes: 0, message: "Back at 7" },
          timeZone: "America/Los_Angeles",
          location: { lat: 37.7655, lng: -122.4218 },
          deliveryFeeCents: 299,
          minimumOrderCents: 1000,
        },
      });
      // Every dish of every category, with its availability: what orders needs to price a cart.
      expect(event.items).toHaveLength(current.menu.flatMap((c) => c.items).length);
      expect(event.items).toContainEqual({
        id: "mango-kulfi",
        name: "Mango Kulfi",
        priceCents: 595,
        available: false,
        optionGroups: [],
      });
    });

    it("publishes exactly the contract's fields, nothing internal", async () => {
      const { svc, publisher } = await restaurantsHarness();

      await svc.saveRestaurant(demoRestaurant("nonna-rosa"), "corr-1");

      const published = publisher.published[0];
      expect(RestaurantCatalogPublishedV2.strict().safeParse(published).success).toBe(true);
      expect(published?.items[0]).toEqual({
        id: "margherita",
        name: "Margherita",
        priceCents: 1450,
        available: true,
        optionGroups: [],
      });
    });

    it("starts a new restaurant at revision 1, whatever revision the caller sent", async () => {
      const { svc, restaurants } = await restaurantsHarness({ restaurants: [] });

      const saved = await svc.saveRestaurant(restaurant({ id: "new-place", revision: 42 }), "corr-1");

      expect(saved.revision).toBe(1);
      expect((await restaurants.byId("new-place"))?.revision).toBe(1);
    });

    it("refuses the loser of two simultaneous edits as a conflict, and publishes only the winner", async () => {
      const { svc, restaurants, publisher } = await restaurantsHarness();
      const current = demoRestaurant("green-bowl");

      const [a, b] = await Promise.allSettled([
        svc.saveRestaurant({ ...current, store: pausedStore() }, "corr-a"),
        svc.saveRestaurant({ ...current, menu: [{ id: "all", name: "All", items: [menuItem()] }] }, "corr-b"),
      ]);

      expect(a.status).toBe("fulfilled");
      expect(b.status).toBe("rejected");
      if (b.status === "rejected") {
        expect(b.reason).toBeInstanceOf(DomainError);
        expect(b.reason).toMatchObject({
          kind: "conflict",
          message: expect.stringMatching(/changed at the same time/),
        });
      }
      expect(await restaurants.byId("green-bowl")).toMatchObject({ revision: 2, store: { state: "paused" } });
      expect(publisher.published.map((e) => e.correlationId)).toEqual(["corr-a"]);
    });
  });

  describe("catalog outbox", () => {
    it("keeps the change and its snapshot when publishing fails, and the relay publishes it later", async () => {
      const { svc, restaurants, publisher, outbox, log } = await restaurantsHarness();
      publisher.failWith(new Error("SNS unavailable"));
      const current = demoRestaurant("bombay-tiffin-house");

      const saved = await svc.saveRestaurant({ ...current, store: pausedStore() }, "corr-closing");

      expect(await restaurants.byId(current.id)).toEqual(saved);
      expect(publisher.published).toEqual([]);
      expect(outbox.unsentCatalog().map((e) => e.event.revision)).toEqual([2]);
      expect(log.lines).toContainEqual({
        level: "warn",
        message: "catalog not published yet; the outbox relay will publish it",
        extra: {
          restaurantId: "bombay-tiffin-house",
          revision: 2,
          correlationId: "corr-closing",
          error: "Error: SNS unavailable",
        },
      });

      publisher.recover();
      expect(await svc.relayOutbox()).toMatchObject({ sent: 1, failed: 0 });
      expect(publisher.published).toMatchObject([
        {
          revision: 2,
          correlationId: "corr-closing",
          restaurant: { id: "bombay-tiffin-house", store: { state: "paused" } },
        },
      ]);
      expect(await svc.relayOutbox()).toMatchObject({ sent: 0 });
      expect(publisher.published).toHaveLength(1);
    });

    it("marks a snapshot published at once as sent: the relay has nothing left to do", async () => {
      const { svc, publisher, outbox } = await restaurantsHarness();

      await svc.saveRestaurant(demoRestaurant("nonna-rosa"), "corr-1");

      expect(outbox.unsent()).toEqual([]);
      expect(await svc.relayOutbox()).toMatchObject({ sent: 0 });
      expect(publisher.published).toHaveLength(1);
    });

    it("writes no snapshot for a save refused as a conflict", async () => {
      const { svc, outbox } = await restaurantsHarness();
      const current = demoRestaurant("green-bowl");

      await Promise.allSettled([
        svc.saveRestaurant({ ...current, store: pausedStore() }, "corr-a"),
        svc.saveRestaurant({ ...current, store: pausedStore("other") }, "corr-b"),
      ]);

      expect(outbox.all().map((r) => r.entry.event.correlationId)).toEqual(["corr-a"]);
    });

    it("republishes through the outbox, so a republish that fails is sent later too", async () => {
      const { svc, publisher } = await restaurantsHarness();
      publisher.failWith();

      expect(await svc.republishCatalog("corr-restart")).toBe(7);
      expect(publisher.published).toEqual([]);

      publisher.recover();
      expect(await svc.relayOutbox()).toMatchObject({ sent: 7 });
      expect(new Set(publisher.published.map((e) => e.restaurant.id)).size).toBe(7);
    });

    it("parks a snapshot that keeps failing, after the last attempt", async () => {
      let now = FIXED_NOW;
      const { svc, publisher, outbox } = await restaurantsHarness({ now: () => now });
      publisher.failWith(new Error("InvalidParameter"));
      await svc.saveRestaurant(demoRestaurant("nonna-rosa"), "corr-1");

      for (let i = 0; i < 20; i++) {
        await svc.relayOutbox();
        now = new Date(now.getTime() + 31 * 60_000); // past the longest backoff
      }

      expect(outbox.all().map((r) => [r.state, r.attempts])).toEqual([["parked", 10]]);
      expect(await svc.relayOutbox()).toMatchObject({ parkedTotal: 1, oldestPendingAgeSeconds: 0 });
    });
  });

  describe("reads", () => {
    it("lists summaries with the cuisines to filter by", async () => {
      const { svc } = await restaurantsHarness();

      const { restaurants, cuisines } = await svc.list({ query: "naan" });

      expect(restaurants.map((r) => r.id)).toEqual(["bombay-tiffin-house"]);
      expect(cuisines).toEqual(["French", "Healthy", "Indian", "Italian", "Japanese", "Korean", "Mexican"]);
    });

    it("finds a restaurant with its menu by slug, and refuses an unknown slug as not found", async () => {
      const { svc } = await restaurantsHarness();

      expect(await svc.bySlug("sakura-ramen-bar")).toEqual({
        ...demoRestaurant("sakura-ramen-bar"),
        isOpen: true,
        availability: {
          acceptingOrders: true,
          status: "open",
          message: "",
          pausedUntil: null,
          busyExtraMinutes: 0,
        },
      });
      expect(await svc.bySlug("le-petit-four")).toMatchObject({
        isOpen: false,
        availability: {
          status: "paused",
          message: "Closed today for a private event. Back tomorrow from 07:00.",
        },
      });
      expect((await refusal(svc.bySlug("no-such-place"))).kind).toBe("not_found");
    });
  });

  it("republishes every restaurant's current snapshot", async () => {
    const { svc, publisher } = await restaurantsHarness();

    expect(await svc.republishCatalog("corr-republish")).toBe(7);

    expect(publisher.published.map((e) => `${e.restaurant.id}@${e.revision}`).sort()).toEqual([
      "bombay-tiffin-house@1",
      "el-fogon-taqueria@1",
      "green-bowl@1",
      "le-petit-four@1",
      "nonna-rosa@1",
      "sakura-ramen-bar@1",
      "seoul-kitchen@1",
    ]);
    for (const event of publisher.published)
      expect(RestaurantCatalogPublishedV2.safeParse(event).success).toBe(true);
  });
});
