import { createCallerFactory } from "@tiffin/kit";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { anActor, refusalOf, staffOf, testContext } from "../test/caller";
import { FIXED_NOW, orderPlaced, restaurantsHarness } from "../test/factories";
import { createRestaurantsRouter } from "./router";

const BOMBAY = "bombay-tiffin-house";
const ORDER = orderPlaced().orderId;
const ref = { restaurantId: BOMBAY, orderId: ORDER };

/** The router over fakes, with the fixture order's ticket on Bombay's board, called as Bombay's staff. */
const setup = async (actor: Parameters<typeof testContext>[1] = staffOf(BOMBAY)) => {
  const h = await restaurantsHarness();
  await h.svc.receiveOrder(orderPlaced());
  const router = createRestaurantsRouter(h.svc);
  const ctx = testContext("corr-kitchen-1", actor);
  const caller = createCallerFactory(router)(ctx);
  // Untrusted clients send anything: these take `unknown`.
  const send = (path: keyof typeof caller, input: unknown) =>
    (caller[path] as (i: unknown) => Promise<unknown>)(input);
  const refused = (call: Promise<unknown>) => refusalOf(router, ctx, call);
  const ticket = () => h.tickets.all().find((t) => t.orderId === ORDER);
  /** What a refused call must not have changed. */
  const effects = () => ({
    ticket: ticket(),
    saves: h.restaurants.saves,
    events: h.publisher.ticketEvents.length + h.publisher.published.length,
  });
  return { ...h, caller, send, refused, ticket, effects };
};

type Case = {
  case: string;
  path:
    | "tickets"
    | "acceptTicket"
    | "rejectTicket"
    | "markTicketReady"
    | "setStoreState"
    | "setOpeningHours"
    | "sales";
  input: unknown;
  code: TRPCError["code"];
  message: RegExp;
  field?: string;
};

const inMinutes = (n: number) => new Date(FIXED_NOW.getTime() + n * 60_000).toISOString();
const prep = /^Choose a prep time from 5 to 90 minutes\.$/;

const badRequests: Case[] = [
  {
    case: "a board section that does not exist",
    path: "tickets",
    input: { restaurantId: BOMBAY, lane: "cooking" },
    code: "BAD_REQUEST",
    message: /^Choose a section: new, preparing, ready or done\.$/,
    field: "lane",
  },
  ...[0, 4, 91, 1000, -5].map(
    (prepMinutes): Case => ({
      case: `a prep time of ${prepMinutes} minutes`,
      path: "acceptTicket",
      input: { ...ref, prepMinutes },
      code: "BAD_REQUEST",
      message: prep,
      field: "prepMinutes",
    }),
  ),
  ...[12.5, "20", null, Number.NaN].map(
    (prepMinutes): Case => ({
      case: `a prep time of ${JSON.stringify(prepMinutes)}`,
      path: "acceptTicket",
      input: { ...ref, prepMinutes },
      code: "BAD_REQUEST",
      message: /^The prep time must be a whole number of minutes/,
      field: "prepMinutes",
    }),
  ),
  {
    case: "an accept without a prep time",
    path: "acceptTicket",
    input: ref,
    code: "BAD_REQUEST",
    message: /prep time/,
    field: "prepMinutes",
  },
  {
    case: "a malformed order id",
    path: "acceptTicket",
    input: { ...ref, orderId: "../../etc", prepMinutes: 20 },
    code: "BAD_REQUEST",
    message: /^That order id isn't valid/,
    field: "orderId",
  },
  {
    case: "a 10 000-character order id",
    path: "markTicketReady",
    input: { ...ref, orderId: "a".repeat(10_000) },
    code: "BAD_REQUEST",
    message: /^That order id isn't valid/,
    field: "orderId",
  },
  {
    case: "a price sent with an accept",
    path: "acceptTicket",
    input: { ...ref, prepMinutes: 20, totalCents: 1 },
    code: "BAD_REQUEST",
    message: /^Unexpected field: totalCents\.$/,
    field: "input",
  },
  {
    case: "a reject without a reason",
    path: "rejectTicket",
    input: ref,
    code: "BAD_REQUEST",
    message: /^Choose a reason/,
    field: "reason",
  },
  {
    case: "the timer's reason not_answered from staff",
    path: "rejectTicket",
    input: { ...ref, reason: "not_answered" },
    code: "BAD_REQUEST",
    message: /^Choose a reason/,
    field: "reason",
  },
  {
    case: "reason other without a note",
    path: "rejectTicket",
    input: { ...ref, reason: "other" },
    code: "BAD_REQUEST",
    message: /^Tell the customer why in a note \(up to 300 characters\) when the reason is Other\.$/,
    field: "note",
  },
  {
    case: "reason other with a blank note",
    path: "rejectTicket",
    input: { ...ref, reason: "other", note: "   " },
    code: "BAD_REQUEST",
    message: /when the reason is Other/,
    field: "note",
  },
  {
    case: "a 301-character note",
    path: "rejectTicket",
    input: { ...ref, reason: "other", note: "x".repeat(301) },
    code: "BAD_REQUEST",
    message: /^The note must be at most 300 characters\.$/,
    field: "note",
  },
  {
    case: "a note with a bidi override",
    path: "rejectTicket",
    input: { ...ref, reason: "other", note: "sorry \u202Eevil" },
    code: "BAD_REQUEST",
    message: /^The note contains an invisible text-direction control \(U\+202E\)/,
    field: "note",
  },
  {
    case: "a note with a control character",
    path: "rejectTicket",
    input: { ...ref, reason: "too_busy", note: "busy\u0007" },
    code: "BAD_REQUEST",
    message: /^The note contains an invisible control character/,
    field: "note",
  },
  {
    case: "an unknown store state",
    path: "setStoreState",
    input: { restaurantId: BOMBAY, state: "closed" },
    code: "BAD_REQUEST",
    message: /^Choose open, paused or busy\.$/,
    field: "state",
  },
  ...[4, 121, 30.5].map(
    (busyExtraMinutes): Case => ({
      case: `busy for ${busyExtraMinutes} extra minutes`,
      path: "setStoreState",
      input: { restaurantId: BOMBAY, state: "busy", busyExtraMinutes },
      code: "BAD_REQUEST",
      message: /5 to 120 minutes while busy/,
      field: "busyExtraMinutes",
    }),
  ),
  {
    case: "a resume time that is not a time",
    path: "setStoreState",
    input: { restaurantId: BOMBAY, state: "paused", pausedUntil: "after lunch" },
    code: "BAD_REQUEST",
    message: /^The resume time must be a date and time/,
    field: "pausedUntil",
  },
  {
    case: "a resume time in the past",
    path: "setStoreState",
    input: { restaurantId: BOMBAY, state: "paused", pausedUntil: inMinutes(-5) },
    code: "BAD_REQUEST",
    message: /^The resume time has already passed/,
    field: "pausedUntil",
  },
  {
    case: "a 201-character pause message",
    path: "setStoreState",
    input: { restaurantId: BOMBAY, state: "paused", message: "m".repeat(201) },
    code: "BAD_REQUEST",
    message: /^The message for customers must be at most 200 characters\.$/,
    field: "message",
  },
  {
    case: "a pause message with a line break",
    path: "setStoreState",
    input: { restaurantId: BOMBAY, state: "paused", message: "back\nsoon" },
    code: "BAD_REQUEST",
    message: /must be on one line/,
    field: "message",
  },
  {
    case: "a time of 24:00",
    path: "setOpeningHours",
    input: { restaurantId: BOMBAY, timeZone: "UTC", hours: [{ day: 1, opens: "09:00", closes: "24:00" }] },
    code: "BAD_REQUEST",
    message: /^The closing time must be a time from 00:00 to 23:59, as HH:MM\.$/,
    field: "hours.0.closes",
  },
  {
    case: "a time like 9am",
    path: "setOpeningHours",
    input: { restaurantId: BOMBAY, timeZone: "UTC", hours: [{ day: 1, opens: "9am", closes: "17:00" }] },
    code: "BAD_REQUEST",
    message: /^The opening time must be a time/,
    field: "hours.0.opens",
  },
  ...[-1, 7, 1.5].map(
    (day): Case => ({
      case: `weekday ${day}`,
      path: "setOpeningHours",
      input: { restaurantId: BOMBAY, timeZone: "UTC", hours: [{ day, opens: "09:00", closes: "17:00" }] },
      code: "BAD_REQUEST",
      message: /^The day must be/,
      field: "hours.0.day",
    }),
  ),
  {
    case: "22 opening times",
    path: "setOpeningHours",
    input: {
      restaurantId: BOMBAY,
      timeZone: "UTC",
      hours: Array.from({ length: 22 }, (_, i) => ({ day: i % 7, opens: "09:00", closes: "10:00" })),
    },
    code: "BAD_REQUEST",
    message: /^At most 21 opening times a week/,
    field: "hours",
  },
  {
    case: "an unknown time zone",
    path: "setOpeningHours",
    input: { restaurantId: BOMBAY, timeZone: "Moon/Base", hours: [] },
    code: "BAD_REQUEST",
    message: /isn't a time zone we know/,
    field: "timeZone",
  },
  {
    case: "a time zone that isn't one at all",
    path: "setOpeningHours",
    input: { restaurantId: BOMBAY, timeZone: "<script>", hours: [] },
    code: "BAD_REQUEST",
    message: /^That isn't a time zone/,
    field: "timeZone",
  },
  {
    case: "sales of a malformed restaurant id",
    path: "sales",
    input: { restaurantId: "BOMBAY" },
    code: "BAD_REQUEST",
    message: /^That restaurant id isn't valid/,
    field: "restaurantId",
  },
];

describe("kitchen procedures", () => {
  it("accepts with a prep time, marks ready, and says why a second accept is refused", async () => {
    const { caller, refused, ticket } = await setup();

    expect(await caller.acceptTicket({ ...ref, prepMinutes: 25 })).toMatchObject({
      status: "accepted",
      prepMinutes: 25,
    });
    const again = await refused(caller.acceptTicket({ ...ref, prepMinutes: 25 }));
    expect(again).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^Order 7F1C2A was already accepted/),
    });
    expect(again.shape.data.httpStatus).toBe(409);
    expect(await caller.markTicketReady(ref)).toMatchObject({ status: "ready" });
    expect(ticket()?.status).toBe("ready");
  });

  it("rejects with a reason and a note in any script, kept exactly", async () => {
    const { caller, ticket } = await setup();

    await caller.rejectTicket({ ...ref, reason: "other", note: "  Сегодня нет паниром 🙏 " });

    expect(ticket()?.rejection).toEqual({
      reason: "other",
      note: "Сегодня нет паниром 🙏",
      automatic: false,
    });
  });

  it("answers ready before accepted with a 409 saying to accept first", async () => {
    const { caller, refused } = await setup();

    expect(await refused(caller.markTicketReady(ref))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/accept it with a prep time first/),
    });
  });

  it("sets the store state and opening hours, and reads them back", async () => {
    const { caller } = await setup();

    await caller.setStoreState({
      restaurantId: BOMBAY,
      state: "paused",
      pausedUntil: inMinutes(15),
      message: "Back soon",
    });
    const hours = await caller.setOpeningHours({
      restaurantId: BOMBAY,
      timeZone: "Europe/London",
      hours: [{ day: 5, opens: "12:00", closes: "23:00" }],
    });

    expect(hours).toMatchObject({
      timeZone: "Europe/London",
      store: { state: "paused", message: "Back soon" },
    });
    expect(await caller.storeSettings({ restaurantId: BOMBAY })).toEqual(hours);
  });

  it("reports sales", async () => {
    const { caller } = await setup();
    await caller.acceptTicket({ ...ref, prepMinutes: 10 });

    const sales = await caller.sales({ restaurantId: BOMBAY });

    expect(sales.todaySummary).toMatchObject({ orders: 1, revenueCents: 5103 });
  });

  it.each(badRequests)("refuses $case, changing nothing", async ({ path, input, code, message, field }) => {
    const { send, refused, effects } = await setup();
    const before = effects();

    const refusal = await refused(send(path, input));

    expect(refusal.code).toBe(code);
    expect(refusal.message).toMatch(message);
    if (field) expect(Object.keys(refusal.fieldErrors)).toContain(field);
    expect(refusal.shape.data).not.toHaveProperty("stack");
    expect(effects()).toEqual(before);
  });

  const calls = {
    acceptTicket: { ...ref, prepMinutes: 20 },
    rejectTicket: { ...ref, reason: "too_busy" },
    markTicketReady: ref,
    storeSettings: { restaurantId: BOMBAY },
    setStoreState: { restaurantId: BOMBAY, state: "paused" },
    setOpeningHours: { restaurantId: BOMBAY, timeZone: "UTC", hours: [] },
    sales: { restaurantId: BOMBAY },
  } as const;

  it.each([
    ["an anonymous caller", null, "UNAUTHORIZED"],
    ["a customer", anActor(), "FORBIDDEN"],
    ["a courier", anActor({ role: "courier" }), "FORBIDDEN"],
    ["staff of another restaurant", staffOf("nonna-rosa"), "NOT_FOUND"],
  ] as const)(
    "refuses %s every kitchen procedure on Bombay's board, changing nothing",
    async (_who, actor, code) => {
      const { send, refused, effects } = await setup(actor);
      const before = effects();

      for (const [path, input] of Object.entries(calls)) {
        expect((await refused(send(path as keyof typeof calls, input))).code, path).toBe(code);
      }
      expect(effects()).toEqual(before);
    },
  );

  it("lets staff (not only owners) answer tickets", async () => {
    const giulia = anActor({
      id: "giulia",
      role: "restaurant",
      restaurants: [{ id: BOMBAY, role: "staff" }],
    });
    const { caller } = await setup(giulia);

    expect(await caller.acceptTicket({ ...ref, prepMinutes: 15 })).toMatchObject({ status: "accepted" });
  });
});
