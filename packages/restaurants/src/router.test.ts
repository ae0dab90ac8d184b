import { createCallerFactory } from "@tiffin/kit";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { anActor, refusalOf, staffOf, testContext } from "../test/caller";
import { demoRestaurant, orderPlaced, restaurantsHarness } from "../test/factories";
import { createRestaurantsRouter } from "./router";

const setup = async () => {
  const h = await restaurantsHarness();
  const ctx = testContext("corr-router-1");
  const router = createRestaurantsRouter(h.svc);
  const caller = createCallerFactory(router)(ctx);
  // What an untrusted client can put on the wire: anything at all, so these take `unknown`.
  const send = {
    list: (input: unknown) => caller.list(input as Parameters<typeof caller.list>[0]),
    bySlug: (input: unknown) => caller.bySlug(input as Parameters<typeof caller.bySlug>[0]),
    tickets: (input: unknown) => caller.tickets(input as Parameters<typeof caller.tickets>[0]),
  };
  const refused = (call: Promise<unknown>) => refusalOf(router, ctx, call);
  return { ...h, caller, send, refused };
};

const badId = /^That restaurant id isn't valid: use lowercase letters, digits and dashes\.$/;

type Case = {
  case: string;
  call: (send: Awaited<ReturnType<typeof setup>>["send"]) => Promise<unknown>;
  code: TRPCError["code"];
  message: RegExp;
  field?: string;
};

const badRequests: Case[] = [
  {
    case: "an unknown slug",
    call: (s) => s.bySlug({ slug: "no-such-place" }),
    code: "NOT_FOUND",
    message: /^We couldn't find that restaurant/,
  },
  {
    case: "tickets of an unknown restaurant",
    call: (s) => s.tickets({ restaurantId: "no-such-place" }),
    code: "NOT_FOUND",
    message: /^We couldn't find that restaurant/,
  },
  {
    case: "a malformed slug",
    call: (s) => s.bySlug({ slug: "Bombay Tiffin House" }),
    code: "BAD_REQUEST",
    message: badId,
    field: "slug",
  },
  {
    case: "a path-like slug",
    call: (s) => s.bySlug({ slug: "../admin" }),
    code: "BAD_REQUEST",
    message: badId,
    field: "slug",
  },
  {
    case: "a 10 000-character slug",
    call: (s) => s.bySlug({ slug: "a".repeat(10_000) }),
    code: "BAD_REQUEST",
    message: badId,
    field: "slug",
  },
  {
    case: "a malformed restaurant id",
    call: (s) => s.tickets({ restaurantId: "BOMBAY" }),
    code: "BAD_REQUEST",
    message: badId,
    field: "restaurantId",
  },
  {
    case: "a missing restaurant id",
    call: (s) => s.tickets({}),
    code: "BAD_REQUEST",
    message: /^A restaurant id is required\.$/,
    field: "restaurantId",
  },
  ...[0, -1, 101, 1e9].map(
    (limit): Case => ({
      case: `a page of ${limit} tickets`,
      call: (s) => s.tickets({ restaurantId: "bombay-tiffin-house", limit }),
      code: "BAD_REQUEST",
      message: limit < 1 ? /^Ask for at least 1 ticket\.$/ : /^Ask for at most 100 tickets at a time\.$/,
      field: "limit",
    }),
  ),
  ...[2.5, "10", Number.NaN, null].map(
    (limit): Case => ({
      case: `a page size of ${JSON.stringify(limit)}`,
      call: (s) => s.tickets({ restaurantId: "bombay-tiffin-house", limit }),
      code: "BAD_REQUEST",
      message: /^The page size must be a whole number\.$/,
      field: "limit",
    }),
  ),
  ...["not a cursor!", Buffer.from("[1,2]").toString("base64url"), "x".repeat(401), 42].map(
    (cursor): Case => ({
      case: `a tickets cursor ${JSON.stringify(cursor).slice(0, 20)}`,
      call: (s) => s.tickets({ restaurantId: "bombay-tiffin-house", cursor }),
      code: "BAD_REQUEST",
      message: /^That page of tickets can't be found: its marker isn't valid\. Reload the board/,
      field: "cursor",
    }),
  ),
  {
    case: "an unknown extra field on tickets",
    call: (s) => s.tickets({ restaurantId: "bombay-tiffin-house", direction: "forward" }),
    code: "BAD_REQUEST",
    message: /direction/,
    field: "input",
  },
  {
    case: "a search over 80 characters",
    call: (s) => s.list({ query: "q".repeat(81) }),
    code: "BAD_REQUEST",
    message: /^Search for at most 80 characters\.$/,
    field: "query",
  },
  {
    case: "a 10 000-character search",
    call: (s) => s.list({ query: "q".repeat(10_000) }),
    code: "BAD_REQUEST",
    message: /^Search for at most 80 characters\.$/,
    field: "query",
  },
  {
    case: "a cuisine over 40 characters",
    call: (s) => s.list({ cuisine: "c".repeat(41) }),
    code: "BAD_REQUEST",
    message: /^Cuisine names are at most 40 characters\.$/,
    field: "cuisine",
  },
  {
    case: "openNow that is not a boolean",
    call: (s) => s.list({ openNow: "yes" }),
    code: "BAD_REQUEST",
    message: /boolean/,
    field: "openNow",
  },
  {
    case: "an unknown extra field on list",
    call: (s) => s.list({ sort: "price" }),
    code: "BAD_REQUEST",
    message: /sort/,
    field: "input",
  },
  {
    case: "an unknown extra field on bySlug",
    call: (s) => s.bySlug({ slug: "nonna-rosa", withMenu: true }),
    code: "BAD_REQUEST",
    message: /withMenu/,
    field: "input",
  },
];

describe("restaurants router", () => {
  it("lists restaurants and cuisines", async () => {
    const { caller } = await setup();

    const { restaurants, cuisines } = await caller.list({});

    expect(restaurants).toHaveLength(7);
    expect(restaurants.at(-1)?.id).toBe("le-petit-four"); // closed, so last
    expect(cuisines).toContain("Indian");
  });

  it("searches by query, cuisine and openNow, trimming what was typed", async () => {
    const { caller } = await setup();

    expect((await caller.list({ query: "  naan " })).restaurants.map((r) => r.id)).toEqual([
      "bombay-tiffin-house",
    ]);
    expect((await caller.list({ cuisine: " Japanese " })).restaurants.map((r) => r.id)).toEqual([
      "sakura-ramen-bar",
    ]);
    expect((await caller.list({ query: "croissant", openNow: true })).restaurants).toEqual([]);
  });

  it("returns a restaurant with its menu by slug", async () => {
    const { caller } = await setup();

    expect(await caller.bySlug({ slug: "nonna-rosa" })).toEqual({
      ...demoRestaurant("nonna-rosa"),
      isOpen: true,
      availability: {
        acceptingOrders: true,
        status: "open",
        message: "",
        pausedUntil: null,
        busyExtraMinutes: 0,
      },
    });
  });

  it("lists a restaurant's kitchen tickets", async () => {
    const { caller, svc } = await setup();
    await svc.receiveOrder(orderPlaced());

    const page = await caller.tickets({ restaurantId: "bombay-tiffin-house" });

    expect(page.tickets.map((t) => t.shortCode)).toEqual(["7F1C2A"]);
    expect(page.nextCursor).toBeNull();
  });

  it("pages the kitchen tickets newest first with limit and cursor", async () => {
    const { caller, svc } = await setup();
    for (const minute of [1, 2, 3]) {
      await svc.receiveOrder(
        orderPlaced({ orderId: `order-${minute}`, placedAt: `2026-11-27T18:0${minute}:00.000Z` }),
      );
    }

    const first = await caller.tickets({ restaurantId: "bombay-tiffin-house", limit: 2, cursor: null });
    const second = await caller.tickets({
      restaurantId: "bombay-tiffin-house",
      limit: 2,
      cursor: first.nextCursor,
    });

    expect(first.tickets.map((t) => t.orderId)).toEqual(["order-3", "order-2"]);
    expect(second.tickets.map((t) => t.orderId)).toEqual(["order-1"]);
    expect(second.nextCursor).toBeNull();
  });

  it.each(badRequests)("refuses $case, changing nothing", async ({ call, code, message, field }) => {
    const { send, refused, effects } = await setup();

    const refusal = await refused(call(send));

    expect(refusal.code).toBe(code);
    expect(refusal.message).toMatch(message);
    if (field) expect(Object.keys(refusal.fieldErrors)).toContain(field);
    expect(refusal.shape.data).not.toHaveProperty("stack");
    expect(effects()).toEqual({ saves: 0, tickets: 0, published: 0 });
  });
});

describe("restaurants router: who may see which tickets", () => {
  const as = async (actor: Parameters<typeof testContext>[1]) => {
    const h = await restaurantsHarness();
    const router = createRestaurantsRouter(h.svc);
    const ctx = testContext("corr-authz", actor);
    return {
      caller: createCallerFactory(router)(ctx),
      refused: (call: Promise<unknown>) => refusalOf(router, ctx, call),
    };
  };

  it.each([
    ["an anonymous caller", null, "UNAUTHORIZED"],
    ["a customer", anActor(), "FORBIDDEN"],
    ["staff of another restaurant", staffOf("nonna-rosa"), "NOT_FOUND"],
  ] as const)("refuses %s the tickets of bombay-tiffin-house", async (_who, actor, code) => {
    const { caller, refused } = await as(actor);
    expect((await refused(caller.tickets({ restaurantId: "bombay-tiffin-house" }))).code).toBe(code);
  });

  it("answers another restaurant's tickets exactly like a restaurant that does not exist", async () => {
    const { caller, refused } = await as(staffOf("nonna-rosa"));
    const other = await refused(caller.tickets({ restaurantId: "bombay-tiffin-house" }));
    const missing = await refused(caller.tickets({ restaurantId: "no-such-place" }));
    expect({ ...other, shape: undefined }).toEqual({ ...missing, shape: undefined });
  });

  it("lists the restaurants a staff member works for, and nothing for a customer", async () => {
    const { caller } = await as(staffOf("nonna-rosa", "bombay-tiffin-house"));
    expect((await caller.myRestaurants()).map((r) => r.id)).toEqual(["bombay-tiffin-house", "nonna-rosa"]);
    const customer = await as(anActor());
    expect((await customer.refused(customer.caller.myRestaurants())).code).toBe("FORBIDDEN");
  });
});
