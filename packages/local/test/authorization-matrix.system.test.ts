import { randomUUID } from "node:crypto";
import type { Role } from "@tiffin/kit/auth";
import { beforeAll, describe, expect, it } from "vitest";
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

const fixtures = { ownOrderId: "", otherOrderId: "" };
const placeInput = () => ({
  idempotencyKey: randomUUID(),
  restaurantId: "bombay-tiffin-house",
  lines: [{ itemId: "butter-chicken", quantity: 1 }],
  customer: { name: "Matrix Test", phone: "+1 415 555 0100" },
  delivery: { address: "1 Matrix Way, San Francisco", notes: "" },
  // The simulated provider's test card that is always authorized.
  payment: { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" },
});

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
}, 60_000);

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
