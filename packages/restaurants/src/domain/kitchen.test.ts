import {
  OrderCancelRequestedV1,
  OrderPlacedV2,
  TicketAcceptedV1,
  TicketReadyV1,
  TicketRejectedV1,
  TicketWithdrawnV1,
} from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import { describe, expect, it } from "vitest";
import {
  contractFixtureBody,
  demoCatalog,
  demoRestaurant,
  FIXED_NOW,
  orderPlaced,
  restaurantsHarness,
} from "../../test/factories";
import { answerMinutesFrom } from "./kitchen";
import type { Restaurant } from "./restaurant";

/** The DomainError a promise rejected with; fails the test if it resolved. */
const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof DomainError) return error;
  throw new Error(`expected a DomainError, got ${String(error)}`);
};

const BOMBAY = "bombay-tiffin-house";
const staff = { restaurants: [{ id: BOMBAY, role: "staff" as const }] };
const ORDER = orderPlaced().orderId; // 7f1c2a3e-…, short code 7F1C2A
const ref = { restaurantId: BOMBAY, orderId: ORDER };
const minutes = (n: number) => n * 60_000;

/** A settable clock, and the harness with the fixture's order received at FIXED_NOW. */
const kitchen = async (opts: { restaurants?: Restaurant[]; answerMinutes?: number } = {}) => {
  const clock = { now: FIXED_NOW };
  const h = await restaurantsHarness({ ...opts, now: () => clock.now });
  await h.svc.receiveOrder(orderPlaced());
  const later = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  const ticket = () => h.tickets.all().find((t) => t.orderId === ORDER);
  /** Every ticket event published so far, as the contracts parse them. */
  const events = () => h.publisher.ticketEvents;
  return { ...h, clock, later, ticket, events };
};

const cancelRequest = (orderId = ORDER, restaurantId = BOMBAY) =>
  OrderCancelRequestedV1.parse({
    ...JSON.parse(contractFixtureBody("order.cancel-requested.v1")),
    orderId,
    restaurantId,
    eventId: `order.cancel-requested:${orderId}`,
  });

describe("kitchen tickets", () => {
  describe("a new ticket", () => {
    it("keeps what the kitchen and the courier need, due for an answer in the answer window", async () => {
      const { ticket } = await kitchen();

      expect(ticket()).toMatchObject({
        status: "new",
        customerName: "Asha Patel",
        deliveryAddress: "221 Valencia St, Apt 4, San Francisco",
        deliveryNotes: "Ring twice",
        timeZone: "America/Los_Angeles",
        salesDay: "2026-11-27",
        answerBy: new Date(FIXED_NOW.getTime() + minutes(10)).toISOString(),
        lines: [
          { itemId: "butter-chicken", name: "Butter Chicken", quantity: 2, options: [] },
          { itemId: "garlic-naan", name: "Garlic Naan", quantity: 3, options: [] },
        ],
      });
    });

    it("shows the options chosen on an order.placed v2 line", async () => {
      const h = await restaurantsHarness();
      const v2 = OrderPlacedV2.parse(JSON.parse(contractFixtureBody("order.placed.v2")));

      await h.svc.receiveOrder(v2);

      expect(h.tickets.all()[0]?.lines[0]).toEqual({
        itemId: "butter-chicken",
        name: "Butter Chicken",
        quantity: 2,
        options: [
          { groupName: "Spice level", name: "Hot 🌶️" },
          { groupName: "Extras", name: "Raita" },
        ],
      });
    });

    it("counts the sales day in the restaurant's time zone, not UTC", async () => {
      // 03:00 UTC on the 28th is still the evening of the 27th in San Francisco.
      const h = await restaurantsHarness();
      await h.svc.receiveOrder(orderPlaced({ orderId: "late-night", placedAt: "2026-11-28T03:00:00.000Z" }));

      expect(h.tickets.all()[0]?.salesDay).toBe("2026-11-27");
    });
  });

  describe("accept", () => {
    it("accepts with a prep time: ready by now + prep, one ticket.accepted with pickup and drop-off", async () => {
      const { svc, ticket, events, outbox } = await kitchen();

      const accepted = await svc.acceptTicket(staff, { ...ref, prepMinutes: 20 });

      expect(accepted).toMatchObject({
        status: "accepted",
        prepMinutes: 20,
        acceptedAt: FIXED_NOW.toISOString(),
        readyBy: new Date(FIXED_NOW.getTime() + minutes(20)).toISOString(),
      });
      expect(ticket()).toEqual(accepted);
      const [event] = events();
      expect(events()).toHaveLength(1);
      const parsed = TicketAcceptedV1.parse(event);
      const bombay = demoRestaurant(BOMBAY);
      expect(parsed).toMatchObject({
        eventId: `ticket.accepted:${ORDER}`,
        orderId: ORDER,
        shortCode: "7F1C2A",
        correlationId: orderPlaced().correlationId,
        prepMinutes: 20,
        pickup: { name: bombay.name, address: bombay.address, location: bombay.location },
        dropoff: {
          customerName: "Asha Patel",
          address: "221 Valencia St, Apt 4, San Francisco",
          notes: "Ring twice",
        },
      });
      // Published at once: nothing left for the relay.
      expect(outbox.unsentTicketEvents()).toEqual([]);
    });

    it("adds a busy kitchen's extra minutes to the ready time", async () => {
      const busy = demoCatalog().map((r) =>
        r.id === BOMBAY
          ? { ...r, store: { state: "busy" as const, pausedUntil: null, busyExtraMinutes: 15, message: "" } }
          : r,
      );
      const { svc } = await kitchen({ restaurants: busy });

      const accepted = await svc.acceptTicket(staff, { ...ref, prepMinutes: 20 });

      expect(accepted.readyBy).toBe(new Date(FIXED_NOW.getTime() + minutes(35)).toISOString());
      expect(accepted.prepMinutes).toBe(20);
    });

    it("keeps the event in the outbox when the topic is down, and the relay sends it later", async () => {
      const { svc, publisher, outbox, events } = await kitchen();
      publisher.failWith();

      await svc.acceptTicket(staff, { ...ref, prepMinutes: 10 });

      expect(outbox.unsentTicketEvents().map((e) => e.type)).toEqual(["ticket.accepted"]);
      publisher.recover();
      expect(await svc.relayOutbox()).toMatchObject({ sent: 1 });
      expect(events().map((e) => e.type)).toEqual(["ticket.accepted"]);
    });

    it.each([
      ["accepted", /^Order 7F1C2A was already accepted \(ready by 10:51\); it's being prepared\.$/],
      ["ready", /^Order 7F1C2A is already marked ready for pick-up\.$/],
      ["rejected", /^Order 7F1C2A was already rejected; the customer has been told\.$/],
      ["withdrawn", /^Order 7F1C2A was cancelled by the customer, so there is nothing to prepare\.$/],
    ] as const)("refuses to accept a ticket that is %s (409), changing nothing", async (state, message) => {
      const { svc, ticket, events } = await kitchen();
      if (state === "accepted" || state === "ready")
        await svc.acceptTicket(staff, { ...ref, prepMinutes: 20 });
      if (state === "ready") await svc.markTicketReady(staff, ref);
      if (state === "rejected") await svc.rejectTicket(staff, { ...ref, reason: "too_busy" });
      if (state === "withdrawn") await svc.requestCancel(cancelRequest());
      const before = { ticket: ticket(), events: events().length };

      const error = await refusal(svc.acceptTicket(staff, { ...ref, prepMinutes: 30 }));

      expect(error.kind).toBe("conflict");
      expect(error.message).toMatch(message);
      expect({ ticket: ticket(), events: events().length }).toEqual(before);
    });

    it("says an automatically rejected order was not answered in time", async () => {
      const { svc, later } = await kitchen();
      later(minutes(11));
      await svc.rejectOverdueTickets();

      const error = await refusal(svc.acceptTicket(staff, { ...ref, prepMinutes: 30 }));

      expect(error.message).toBe(
        "Order 7F1C2A was rejected automatically because nobody answered it in 10 minutes; the customer has been told.",
      );
    });

    it("lets exactly one of ten simultaneous accepts win; the others are told it is already accepted", async () => {
      const { svc, events } = await kitchen();

      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => svc.acceptTicket(staff, { ...ref, prepMinutes: 10 + i })),
      );

      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const losers = results.filter((r) => r.status === "rejected");
      expect(losers).toHaveLength(9);
      for (const l of losers)
        expect(l.reason).toMatchObject({
          kind: "conflict",
          message: expect.stringMatching(/already accepted/),
        });
      expect(events()).toHaveLength(1);
    });

    it("says to try again when the write collided with another one and the ticket is still new", async () => {
      const { svc, tickets, ticket } = await kitchen();
      tickets.collideNext();

      const error = await refusal(svc.acceptTicket(staff, { ...ref, prepMinutes: 20 }));

      expect(error).toMatchObject({
        kind: "conflict",
        message: "This order was changed at the same time. Reload the board and try again.",
      });
      expect(ticket()?.status).toBe("new");
    });

    it("answers another restaurant's ticket, and a missing one, with a 404 that reveals nothing", async () => {
      const { svc, ticket } = await kitchen();
      const elsewhere = { restaurants: [{ id: "nonna-rosa", role: "owner" as const }] };

      const notMine = await refusal(svc.acceptTicket(elsewhere, { ...ref, prepMinutes: 20 }));
      const wrongBoard = await refusal(
        svc.acceptTicket(elsewhere, { restaurantId: "nonna-rosa", orderId: ORDER, prepMinutes: 20 }),
      );
      const missing = await refusal(
        svc.acceptTicket(staff, { ...ref, orderId: "no-such-order", prepMinutes: 20 }),
      );

      expect(notMine).toMatchObject({
        kind: "not_found",
        message: expect.stringMatching(/^We couldn't find that restaurant/),
      });
      expect(wrongBoard).toMatchObject({
        kind: "not_found",
        message: expect.stringMatching(/^We couldn't find that order/),
      });
      expect(missing.message).toBe(wrongBoard.message);
      expect(ticket()?.status).toBe("new");
    });
  });

  describe("reject", () => {
    it("rejects with a reason and a note, once, with ticket.rejected", async () => {
      const { svc, ticket, events } = await kitchen();

      await svc.rejectTicket(staff, { ...ref, reason: "other", note: "Our oven broke 😞" });

      expect(ticket()).toMatchObject({
        status: "rejected",
        rejectedAt: FIXED_NOW.toISOString(),
        rejection: { reason: "other", note: "Our oven broke 😞", automatic: false },
        closedDay: "2026-11-27",
      });
      expect(TicketRejectedV1.parse(events()[0])).toMatchObject({
        reason: "other",
        note: "Our oven broke 😞",
        automatic: false,
        eventId: `ticket.rejected:${ORDER}`,
      });
    });

    it.each([
      ["accepted", /was already accepted/],
      ["ready", /already marked ready/],
      ["rejected", /was already rejected/],
      ["withdrawn", /cancelled by the customer/],
    ] as const)("refuses to reject a ticket that is %s", async (state, message) => {
      const { svc, events } = await kitchen();
      if (state !== "rejected" && state !== "withdrawn")
        await svc.acceptTicket(staff, { ...ref, prepMinutes: 20 });
      if (state === "ready") await svc.markTicketReady(staff, ref);
      if (state === "rejected") await svc.rejectTicket(staff, { ...ref, reason: "closing" });
      if (state === "withdrawn") await svc.requestCancel(cancelRequest());
      const before = events().length;

      const error = await refusal(svc.rejectTicket(staff, { ...ref, reason: "too_busy" }));

      expect(error.kind).toBe("conflict");
      expect(error.message).toMatch(message);
      expect(events()).toHaveLength(before);
    });
  });

  describe("ready", () => {
    it("marks an accepted ticket ready, once, with ticket.ready", async () => {
      const { svc, later, ticket, events } = await kitchen();
      await svc.acceptTicket(staff, { ...ref, prepMinutes: 15 });
      later(minutes(12));

      await svc.markTicketReady(staff, ref);

      expect(ticket()).toMatchObject({
        status: "ready",
        readyAt: new Date(FIXED_NOW.getTime() + minutes(12)).toISOString(),
      });
      expect(TicketReadyV1.parse(events()[1]).readyAt).toBe(ticket()?.readyAt);
      expect((await refusal(svc.markTicketReady(staff, ref))).message).toMatch(/already marked ready/);
    });

    it("refuses ready before accepted, saying to accept first", async () => {
      const { svc, ticket } = await kitchen();

      const error = await refusal(svc.markTicketReady(staff, ref));

      expect(error).toMatchObject({
        kind: "conflict",
        message:
          "Order 7F1C2A hasn't been accepted yet: accept it with a prep time first, then mark it ready.",
      });
      expect(ticket()?.status).toBe("new");
    });

    it.each([
      ["rejected", /already rejected/],
      ["withdrawn", /cancelled by the customer/],
    ] as const)("refuses ready for a %s ticket", async (state, message) => {
      const { svc } = await kitchen();
      if (state === "rejected") await svc.rejectTicket(staff, { ...ref, reason: "item_unavailable" });
      else await svc.requestCancel(cancelRequest());

      expect((await refusal(svc.markTicketReady(staff, ref))).message).toMatch(message);
    });
  });

  describe("the answer timer", () => {
    it("rejects a ticket nobody answered, not_answered and automatic, only once the window has passed", async () => {
      const { svc, later, ticket, events } = await kitchen();

      later(minutes(10) - 1);
      expect(await svc.rejectOverdueTickets()).toEqual({ rejected: 0, alreadyAnswered: 0 });
      expect(ticket()?.status).toBe("new");

      later(1);
      expect(await svc.rejectOverdueTickets()).toEqual({ rejected: 1, alreadyAnswered: 0 });
      expect(ticket()).toMatchObject({
        status: "rejected",
        rejection: { reason: "not_answered", note: "", automatic: true },
      });
      expect(TicketRejectedV1.parse(events()[0])).toMatchObject({ reason: "not_answered", automatic: true });

      // Runs again (every 2 s locally): nothing more happens.
      expect(await svc.rejectOverdueTickets()).toEqual({ rejected: 0, alreadyAnswered: 0 });
      expect(events()).toHaveLength(1);
    });

    it("leaves an accepted ticket alone: the accept won", async () => {
      const { svc, later, ticket } = await kitchen();
      await svc.acceptTicket(staff, { ...ref, prepMinutes: 20 });
      later(minutes(30));

      expect(await svc.rejectOverdueTickets()).toEqual({ rejected: 0, alreadyAnswered: 0 });
      expect(ticket()?.status).toBe("accepted");
    });

    it("uses the configured window", async () => {
      const { svc, later, ticket } = await kitchen({ answerMinutes: 0.25 });

      later(14_000);
      await svc.rejectOverdueTickets();
      expect(ticket()?.status).toBe("new");
      later(1_000);
      await svc.rejectOverdueTickets();
      expect(ticket()?.status).toBe("rejected");
    });

    it("works through many due tickets a page at a time", async () => {
      const { svc, later, tickets } = await kitchen();
      for (let i = 0; i < 60; i++)
        await svc.receiveOrder(orderPlaced({ orderId: `rush-${String(i).padStart(2, "0")}` }));
      later(minutes(11));

      expect(await svc.rejectOverdueTickets()).toEqual({ rejected: 61, alreadyAnswered: 0 });
      expect(tickets.all().every((t) => t.status === "rejected")).toBe(true);
    });

    it("a racing accept and the timer cannot both win", async () => {
      const { svc, later, events, ticket } = await kitchen();
      later(minutes(10));

      const [accept, timer] = await Promise.allSettled([
        svc.acceptTicket(staff, { ...ref, prepMinutes: 20 }),
        svc.rejectOverdueTickets(),
      ]);

      expect(events()).toHaveLength(1);
      const won = events()[0]?.type;
      if (won === "ticket.accepted") {
        expect(accept.status).toBe("fulfilled");
        expect(timer).toMatchObject({ status: "fulfilled", value: { rejected: 0 } });
        expect(ticket()?.status).toBe("accepted");
      } else {
        expect(accept).toMatchObject({ status: "rejected", reason: { kind: "conflict" } });
        expect(ticket()?.status).toBe("rejected");
      }
    });
  });

  describe("cancel requests", () => {
    it("withdraws a new ticket, with ticket.withdrawn, and ignores the same request again", async () => {
      const { svc, ticket, events } = await kitchen();

      expect(await svc.requestCancel(cancelRequest())).toBe("withdrawn");
      expect(ticket()).toMatchObject({ status: "withdrawn", withdrawnAt: FIXED_NOW.toISOString() });
      expect(TicketWithdrawnV1.parse(events()[0])).toMatchObject({
        orderId: ORDER,
        shortCode: "7F1C2A",
        correlationId: orderPlaced().correlationId,
      });

      expect(await svc.requestCancel(cancelRequest())).toBe("already_withdrawn");
      expect(events()).toHaveLength(1);
    });

    it.each([
      ["accepted", "too_late"],
      ["ready", "too_late"],
      ["rejected", "already_closed"],
    ] as const)("changes nothing for a ticket already %s", async (state, outcome) => {
      const { svc, ticket, events } = await kitchen();
      if (state !== "rejected") await svc.acceptTicket(staff, { ...ref, prepMinutes: 20 });
      if (state === "ready") await svc.markTicketReady(staff, ref);
      if (state === "rejected") await svc.rejectTicket(staff, { ...ref, reason: "closing" });
      const before = { ticket: ticket(), events: events().length };

      expect(await svc.requestCancel(cancelRequest())).toBe(outcome);
      expect({ ticket: ticket(), events: events().length }).toEqual(before);
    });

    it("leaves a tombstone when the ticket is not there yet: the late order.placed creates nothing", async () => {
      const h = await restaurantsHarness();
      const late = orderPlaced({ orderId: "0d9c8c5e-3c1f-4d8e-9a55-7f0a2b1c4d6e" });

      expect(await h.svc.requestCancel(cancelRequest(late.orderId))).toBe("tombstoned");
      expect(TicketWithdrawnV1.parse(h.publisher.ticketEvents[0])).toMatchObject({
        orderId: late.orderId,
        shortCode: "0D9C8C",
        withdrawnAt: FIXED_NOW.toISOString(),
      });

      expect(await h.svc.receiveOrder(late)).toBe("duplicate");
      expect(h.tickets.all()).toEqual([]);
      expect(await h.svc.requestCancel(cancelRequest(late.orderId))).toBe("already_withdrawn");
      expect(h.publisher.ticketEvents).toHaveLength(1);
    });

    it("lets exactly one of a racing accept and withdraw win", async () => {
      const { svc, events, ticket } = await kitchen();

      const [accept, cancel] = await Promise.allSettled([
        svc.acceptTicket(staff, { ...ref, prepMinutes: 20 }),
        svc.requestCancel(cancelRequest()),
      ]);

      expect(events()).toHaveLength(1);
      if (ticket()?.status === "accepted") {
        expect(cancel).toMatchObject({ status: "fulfilled", value: "too_late" });
        expect(events()[0]?.type).toBe("ticket.accepted");
      } else {
        expect(ticket()?.status).toBe("withdrawn");
        expect(accept).toMatchObject({
          status: "rejected",
          reason: { message: expect.stringMatching(/cancelled by the customer/) },
        });
        expect(events()[0]?.type).toBe("ticket.withdrawn");
      }
    });

    it("retries (throws) when the ticket keeps changing underneath, so the queue delivers it again", async () => {
      const { svc, tickets, ticket } = await kitchen();
      tickets.collideNext(5);

      await expect(svc.requestCancel(cancelRequest())).rejects.toThrow(/kept changing/);
      expect(ticket()?.status).toBe("new");
    });

    it("is an error (retried, then dead-lettered) for a restaurant this service does not know", async () => {
      const { svc } = await kitchen();

      expect((await refusal(svc.requestCancel(cancelRequest(ORDER, "no-such-restaurant")))).kind).toBe(
        "not_found",
      );
    });
  });

  describe("the board", () => {
    it("lists each lane newest first: new, preparing, ready, done today", async () => {
      const { svc, later } = await kitchen();
      const ids = ["a-accepted", "b-ready", "c-rejected", "d-withdrawn", "e-new"];
      for (const [i, orderId] of ids.entries()) {
        await svc.receiveOrder(
          orderPlaced({ orderId, placedAt: new Date(FIXED_NOW.getTime() + i * 1000).toISOString() }),
        );
      }
      later(minutes(1));
      await svc.acceptTicket(staff, { restaurantId: BOMBAY, orderId: "a-accepted", prepMinutes: 10 });
      await svc.acceptTicket(staff, { restaurantId: BOMBAY, orderId: "b-ready", prepMinutes: 10 });
      await svc.markTicketReady(staff, { restaurantId: BOMBAY, orderId: "b-ready" });
      await svc.rejectTicket(staff, { restaurantId: BOMBAY, orderId: "c-rejected", reason: "too_busy" });
      await svc.requestCancel(cancelRequest("d-withdrawn"));
      const lane = async (l?: "new" | "preparing" | "ready" | "done") =>
        (await svc.tickets(BOMBAY, staff, { lane: l })).tickets.map((t) => t.orderId);

      expect(await lane("new")).toEqual(["e-new", ORDER]);
      expect(await lane("preparing")).toEqual(["a-accepted"]);
      expect(await lane("ready")).toEqual(["b-ready"]);
      expect(await lane("done")).toEqual(["d-withdrawn", "c-rejected"]);
      expect(await lane()).toEqual(["e-new", "d-withdrawn", "c-rejected", "b-ready", "a-accepted", ORDER]);
    });

    it("shows only today's finished tickets under done", async () => {
      const { svc, later } = await kitchen();
      await svc.rejectTicket(staff, { ...ref, reason: "closing" });
      later(24 * 60 * minutes(1));

      expect((await svc.tickets(BOMBAY, staff, { lane: "done" })).tickets).toEqual([]);
    });
  });

  describe("sales", () => {
    it("sums today and the last seven days from the kitchen's own tickets", async () => {
      const { svc, later } = await kitchen();
      // Today (the 27th in San Francisco): the fixture accepted ($51.03), one rejected, one withdrawn.
      await svc.acceptTicket(staff, { ...ref, prepMinutes: 10 });
      await svc.receiveOrder(orderPlaced({ orderId: "rejected-1" }));
      await svc.rejectTicket(staff, { restaurantId: BOMBAY, orderId: "rejected-1", reason: "too_busy" });
      await svc.receiveOrder(orderPlaced({ orderId: "withdrawn-1" }));
      await svc.requestCancel(cancelRequest("withdrawn-1"));
      // Three days later: one more accepted, with other dishes.
      later(3 * 24 * minutes(60));
      await svc.receiveOrder(
        orderPlaced({
          orderId: "later-1",
          placedAt: new Date(FIXED_NOW.getTime() + 3 * 24 * minutes(60)).toISOString(),
          lines: [{ itemId: "garlic-naan", name: "Garlic Naan", quantity: 4, unitPriceCents: 395 }],
          totalCents: 1580,
        }),
      );
      await svc.acceptTicket(staff, { restaurantId: BOMBAY, orderId: "later-1", prepMinutes: 10 });

      const report = await svc.sales(staff, BOMBAY);

      expect(report.today).toBe("2026-11-30");
      expect(report.todaySummary).toMatchObject({
        orders: 1,
        revenueCents: 1580,
        averageOrderCents: 1580,
        rejectionRate: 0,
      });
      expect(report.lastSevenDays).toEqual({
        orders: 2,
        revenueCents: 5103 + 1580,
        averageOrderCents: Math.round((5103 + 1580) / 2),
        rejected: 1,
        rejectedAutomatically: 0,
        rejectionRate: 1 / 3,
        withdrawn: 1,
        topItems: [
          { itemId: "garlic-naan", name: "Garlic Naan", quantity: 7 },
          { itemId: "butter-chicken", name: "Butter Chicken", quantity: 2 },
        ],
      });
      expect(report.days.map((d) => d.day)).toEqual([
        "2026-11-24",
        "2026-11-25",
        "2026-11-26",
        "2026-11-27",
        "2026-11-28",
        "2026-11-29",
        "2026-11-30",
      ]);
      expect(report.days[3]).toEqual({ day: "2026-11-27", orders: 1, revenueCents: 5103, rejected: 1 });
    });

    it("has no rejection rate without answered orders, and is another restaurant's 404", async () => {
      const h = await restaurantsHarness();

      const report = await h.svc.sales(staff, BOMBAY);

      expect(report.todaySummary).toMatchObject({
        orders: 0,
        averageOrderCents: 0,
        rejectionRate: null,
        topItems: [],
      });
      expect((await refusal(h.svc.sales(staff, "nonna-rosa"))).kind).toBe("not_found");
    });
  });
});

describe("TICKET_ANSWER_MINUTES", () => {
  it.each([
    [undefined, 10],
    ["", 10],
    ["5", 5],
    ["0.25", 0.25],
  ])("%s -> %s minutes", (raw, expected) => {
    expect(answerMinutesFrom(raw)).toBe(expected);
  });

  it.each(["ten", "0", "-1", "0.05", "100000", "NaN"])("refuses %s, saying what it must be", (raw) => {
    expect(() => answerMinutesFrom(raw)).toThrow(
      /^TICKET_ANSWER_MINUTES must be a number of minutes from 0.1 to 1440/,
    );
  });
});
