import { randomUUID } from "node:crypto";
import type { Role } from "@tiffin/kit/auth";
import { beforeAll, describe, expect, it } from "vitest";
import { menuRules, prepareMenuFixtures } from "./menu-fixtures";
import { accessTokenOf, apiBase, newCustomerToken, procedures } from "./system";
import { callProcedure } from "./trpc-http";

/*
 * The authorization matrix: every procedure of every router (read from the routers themselves, so a
 * new procedure without a rule fails here) × every role and anonymous × own vs another tenant's object,
 * called over HTTP against the running services with real tokens from the real issuer.
 */
type Principal = "anonymous" | Role;
const principals: Principal[] = ["anonymous", "customer", "restaurant", "courier", "agent", "operator"];
type Tenancy = "own" | "other" | "none";

interface Rule {
  /** "everyone" (public) or the roles allowed. */
  allow: "everyone" | Role[];
  /** Object-level rules: inputs that name the caller's own object and another tenant's. */
  tenancy?: { own: () => unknown; other: () => unknown };
  input?: () => unknown;
}

const fixtures = {
  ownOrderId: "",
  otherOrderId: "",
  /** Bombay kitchen tickets for the staff cells: new (accept, reject) and accepted (ready). */
  toAccept: "",
  toReject: "",
  toMarkReady: "",
};
const placeInput = () => ({
  idempotencyKey: randomUUID(),
  restaurantId: "bombay-tiffin-house",
  lines: [{ itemId: "butter-chicken", quantity: 1 }],
  customer: { name: "Matrix Test", phone: "+1 415 555 0100" },
  delivery: { address: "1 Matrix Way, San Francisco", notes: "" },
  // The simulated provider's test card that is always authorized.
  payment: { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" },
});

const allDay = [0, 1, 2, 3, 4, 5, 6].flatMap((day) => [
  { day, opens: "00:00", closes: "12:00" },
  { day, opens: "12:00", closes: "00:00" },
]);

/**
 * Three orders from a new customer, waited for on Bombay's board (they cross the fulfillment queue); one
 * is accepted so that marking it ready is a legal step.
 */
const kitchenTickets = async (staffToken: string | undefined) => {
  const customer = await newCustomerToken(`kitchen-${randomUUID()}@example.com`);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const placed = await callProcedure({
      apiBase,
      path: "orders.place",
      kind: "mutation",
      input: placeInput(),
      token: customer,
    });
    ids.push((placed.body as { result: { data: { json: { id: string } } } }).result.data.json.id);
  }
  const onBoard = async () => {
    const res = await callProcedure({
      apiBase,
      path: "restaurants.tickets",
      kind: "query",
      input: { restaurantId: "bombay-tiffin-house", lane: "new", limit: 100 },
      token: staffToken,
    });
    const tickets = (res.body as { result?: { data: { json: { tickets: { orderId: string }[] } } } }).result;
    const found = new Set(tickets?.data.json.tickets.map((t) => t.orderId) ?? []);
    return ids.every((id) => found.has(id));
  };
  // Polled (expect.poll is for tests, not their setup): the orders cross the fulfillment queue.
  const deadline = Date.now() + 30_000;
  while (!(await onBoard())) {
    if (Date.now() > deadline) throw new Error("the matrix's orders never reached Bombay's kitchen board");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const [toAccept = "", toReject = "", toMarkReady = ""] = ids;
  const accepted = await callProcedure({
    apiBase,
    path: "restaurants.acceptTicket",
    kind: "mutation",
    input: { restaurantId: "bombay-tiffin-house", orderId: toMarkReady, prepMinutes: 15 },
    token: staffToken,
  });
  expect(accepted.status, JSON.stringify(accepted.body).slice(0, 300)).toBe(200);
  Object.assign(fixtures, { toAccept, toReject, toMarkReady });
};

const rules: Record<string, Rule> = {
  "restaurants.list": { allow: "everyone", input: () => ({}) },
  "restaurants.bySlug": { allow: "everyone", input: () => ({ slug: "nonna-rosa" }) },
  "restaurants.tickets": {
    allow: ["restaurant"],
    tenancy: {
      own: () => ({ restaurantId: "bombay-tiffin-house" }),
      other: () => ({ restaurantId: "nonna-rosa" }),
    },
  },
  "restaurants.myRestaurants": { allow: ["restaurant"] },
  // The kitchen: staff of the restaurant only; another restaurant's ticket or settings are a 404.
  "restaurants.acceptTicket": {
    allow: ["restaurant"],
    tenancy: {
      own: () => ({ restaurantId: "bombay-tiffin-house", orderId: fixtures.toAccept, prepMinutes: 20 }),
      other: () => ({ restaurantId: "nonna-rosa", orderId: fixtures.toAccept, prepMinutes: 20 }),
    },
  },
  "restaurants.rejectTicket": {
    allow: ["restaurant"],
    tenancy: {
      own: () => ({ restaurantId: "bombay-tiffin-house", orderId: fixtures.toReject, reason: "too_busy" }),
      other: () => ({ restaurantId: "nonna-rosa", orderId: fixtures.toReject, reason: "too_busy" }),
    },
  },
  "restaurants.markTicketReady": {
    allow: ["restaurant"],
    tenancy: {
      own: () => ({ restaurantId: "bombay-tiffin-house", orderId: fixtures.toMarkReady }),
      other: () => ({ restaurantId: "nonna-rosa", orderId: fixtures.toMarkReady }),
    },
  },
  "restaurants.storeSettings": {
    allow: ["restaurant"],
    tenancy: {
      own: () => ({ restaurantId: "bombay-tiffin-house" }),
      other: () => ({ restaurantId: "nonna-rosa" }),
    },
  },
  // Own cells leave Bombay open around the clock, as seeded: other tests order from it meanwhile.
  "restaurants.setStoreState": {
    allow: ["restaurant"],
    tenancy: {
      own: () => ({ restaurantId: "bombay-tiffin-house", state: "open" }),
      other: () => ({ restaurantId: "nonna-rosa", state: "paused", message: "Not yours" }),
    },
  },
  "restaurants.setOpeningHours": {
    allow: ["restaurant"],
    tenancy: {
      own: () => ({ restaurantId: "bombay-tiffin-house", timeZone: "America/Los_Angeles", hours: allDay }),
      other: () => ({ restaurantId: "nonna-rosa", timeZone: "UTC", hours: [] }),
    },
  },
  "restaurants.sales": {
    allow: ["restaurant"],
    tenancy: {
      own: () => ({ restaurantId: "bombay-tiffin-house" }),
      other: () => ({ restaurantId: "nonna-rosa" }),
    },
  },
  "orders.quote": {
    allow: "everyone",
    input: () => ({
      restaurantId: "bombay-tiffin-house",
      lines: [{ itemId: "butter-chicken", quantity: 1 }],
    }),
  },
  "orders.place": { allow: ["customer"], input: placeInput },
  "orders.get": {
    allow: ["customer"],
    tenancy: {
      own: () => ({ orderId: fixtures.ownOrderId }),
      other: () => ({ orderId: fixtures.otherOrderId }),
    },
  },
  "orders.mine": { allow: ["customer"] },
  // Cancelling twice answers the same order (idempotent), so every allowed cell gets 200.
  "orders.cancel": {
    allow: ["customer"],
    tenancy: {
      own: () => ({ orderId: fixtures.ownOrderId }),
      other: () => ({ orderId: fixtures.otherOrderId }),
    },
  },
  "orders.reorder": {
    allow: ["customer"],
    tenancy: {
      own: () => ({ orderId: fixtures.ownOrderId }),
      other: () => ({ orderId: fixtures.otherOrderId }),
    },
  },
  // The menu editor (packages/local/test/menu-fixtures.ts).
  ...menuRules,
  "auth.me": { allow: ["customer", "restaurant", "courier", "agent", "operator"] },
  // Revoking only deletes refresh tokens: the matrix's own (access) tokens keep working.
  "auth.revokeSessions": { allow: ["operator"], input: () => ({ email: "courier2@tiffin.test" }) },
};

const expectedStatus = (rule: Rule, who: Principal, tenancy: Tenancy): number => {
  if (rule.allow === "everyone") return 200;
  if (who === "anonymous") return 401;
  if (!rule.allow.includes(who)) return 403;
  return tenancy === "other" ? 404 : 200;
};

const cells = procedures.flatMap((p) => {
  const rule = rules[p.path];
  const tenancies: Tenancy[] = rule?.tenancy ? ["own", "other"] : ["none"];
  return principals.flatMap((who) => tenancies.map((tenancy) => ({ ...p, who, tenancy })));
});

const tokens: Partial<Record<Principal, string>> = {};
const demoEmail: Record<Role, string> = {
  customer: "customer@tiffin.test",
  restaurant: "owner@bombay.tiffin.test",
  courier: "courier1@tiffin.test",
  agent: "agent@tiffin.test",
  operator: "operator@tiffin.test",
};

beforeAll(async () => {
  for (const [role, email] of Object.entries(demoEmail) as [Role, string][]) {
    tokens[role] = await accessTokenOf(email);
  }
  const own = await callProcedure({
    apiBase,
    path: "orders.place",
    kind: "mutation",
    input: placeInput(),
    token: tokens.customer,
  });
  const otherCustomer = await newCustomerToken(`other-${randomUUID()}@example.com`);
  const other = await callProcedure({
    apiBase,
    path: "orders.place",
    kind: "mutation",
    input: placeInput(),
    token: otherCustomer,
  });
  const idOf = (r: { body: unknown }) =>
    (r.body as { result: { data: { json: { id: string } } } }).result.data.json.id;
  fixtures.ownOrderId = idOf(own);
  fixtures.otherOrderId = idOf(other);
  await kitchenTickets(tokens.restaurant);
  await prepareMenuFixtures(tokens.restaurant ?? "");
}, 90_000);

describe("authorization matrix", () => {
  it("has a rule for every procedure, and no rule for a procedure that does not exist", () => {
    expect(procedures.map((p) => p.path).sort()).toEqual(Object.keys(rules).sort());
    // procedures × principals × tenancy cells; printed for the record.
    console.info(
      `authorization matrix: ${procedures.length} procedures x ${principals.length} principals -> ${cells.length} cells`,
    );
  });

  it.each(cells)("$path as $who ($tenancy)", async ({ path, kind, who, tenancy }) => {
    const rule = rules[path];
    if (!rule) throw new Error(`no rule for ${path}`);
    const input = tenancy === "none" ? rule.input?.() : rule.tenancy?.[tenancy]();
    const res = await callProcedure({
      apiBase,
      path,
      kind,
      input,
      token: who === "anonymous" ? undefined : tokens[who],
    });
    const expected = expectedStatus(rule, who, tenancy);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(expected);
    if (expected !== 200) expect(res.message).toMatch(/\w+/);
  });

  it("answers another tenant's object exactly like one that does not exist", async () => {
    const other = await callProcedure({
      apiBase,
      path: "orders.get",
      kind: "query",
      input: { orderId: fixtures.otherOrderId },
      token: tokens.customer,
    });
    const missing = await callProcedure({
      apiBase,
      path: "orders.get",
      kind: "query",
      input: { orderId: randomUUID() },
      token: tokens.customer,
    });
    expect(other.status).toBe(404);
    expect(other.message).toBe(missing.message);
  });
});
