import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { menuFuzzSeeds } from "./menu-fixtures";
import { accessTokenOf, apiBase, procedures } from "./system";
import { callProcedure } from "./trpc-http";

/*
 * Fuzzing every procedure's input over HTTP against the running services: whatever arrives, the answer
 * is never a 5xx. Each procedure is called as a role allowed to use it, so inputs reach validation and
 * the domain rather than stopping at the authorization check.
 */
const RUNS = 200;

/** A valid input per procedure (where it takes one), the seed that structured mutations start from. */
const validInputs: Record<string, unknown> = {
  "restaurants.list": { query: "naan", cuisine: "Indian", openNow: true },
  "restaurants.bySlug": { slug: "bombay-tiffin-house" },
  "restaurants.tickets": { restaurantId: "bombay-tiffin-house", lane: "new", limit: 20, cursor: null },
  // Kitchen steps on an order that does not exist: every mutation reaches validation and the domain, and
  // none can answer (or reject) a real ticket another test is waiting for.
  "restaurants.acceptTicket": { restaurantId: "bombay-tiffin-house", orderId: randomUUID(), prepMinutes: 20 },
  "restaurants.rejectTicket": {
    restaurantId: "bombay-tiffin-house",
    orderId: randomUUID(),
    reason: "other",
    note: "Out of paneer 🧀",
  },
  "restaurants.markTicketReady": { restaurantId: "bombay-tiffin-house", orderId: randomUUID() },
  "restaurants.storeSettings": { restaurantId: "bombay-tiffin-house" },
  // Valid mutations of this seed can only say "open" (state is kept or replaced by junk): Bombay stays
  // orderable for the tests running beside this one.
  "restaurants.setStoreState": { restaurantId: "bombay-tiffin-house", state: "open" },
  // Hours are fuzzed against a restaurant the caller does not work for: a valid mutation (no hours at
  // all, say) would close it. Validation runs first all the same; the domain then answers 404.
  "restaurants.setOpeningHours": {
    restaurantId: "nonna-rosa",
    timeZone: "Europe/London",
    hours: [{ day: 1, opens: "11:00", closes: "22:00" }],
  },
  "restaurants.sales": { restaurantId: "bombay-tiffin-house" },
  "orders.quote": { restaurantId: "bombay-tiffin-house", lines: [{ itemId: "butter-chicken", quantity: 2 }] },
  "orders.place": {
    idempotencyKey: randomUUID(),
    restaurantId: "bombay-tiffin-house",
    lines: [{ itemId: "butter-chicken", quantity: 2 }],
    customer: { name: "Fuzz", phone: "+1 415 555 0100" },
    delivery: { address: "1 Fuzz St, San Francisco", notes: "" },
    // The simulated provider's test card that is always authorized.
    payment: { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" },
  },
  "orders.get": { orderId: randomUUID() },
  "orders.cancel": { orderId: randomUUID() },
  "orders.reorder": { orderId: randomUUID() },
  // A demo account no system test signs in with by refresh token (revoking only deletes refresh tokens).
  "auth.revokeSessions": { email: "courier3@tiffin.test" },
  // The menu editor, on Nonna Rosa as its owner: fuzzed edits never reach a menu other tests order from.
  ...menuFuzzSeeds,
};
type Caller = "customer" | "restaurant" | "operator" | "nonnaOwner";
const callerRole: Record<string, Caller> = {
  "restaurants.tickets": "restaurant",
  "restaurants.myRestaurants": "restaurant",
  "restaurants.acceptTicket": "restaurant",
  "restaurants.rejectTicket": "restaurant",
  "restaurants.markTicketReady": "restaurant",
  "restaurants.storeSettings": "restaurant",
  "restaurants.setStoreState": "restaurant",
  "restaurants.setOpeningHours": "restaurant",
  "restaurants.sales": "restaurant",
  "auth.revokeSessions": "operator",
  ...Object.fromEntries(Object.keys(menuFuzzSeeds).map((path) => [path, "nonnaOwner" as const])),
};

const nasty = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 5000 }),
  fc.constantFrom(
    null,
    -1,
    0,
    1e308,
    Number.NaN,
    "",
    " ",
    "../../etc/passwd",
    "<script>",
    "' OR 1=1 --",
    "🍛".repeat(50),
  ),
  fc.integer(),
  fc.array(fc.anything(), { maxLength: 40 }),
);

/** The valid input with some fields replaced, removed or added, recursively. */
const mutationsOf = (valid: unknown): fc.Arbitrary<unknown> => {
  if (Array.isArray(valid)) return fc.array(valid.length ? mutationsOf(valid[0]) : nasty, { maxLength: 35 });
  if (valid && typeof valid === "object") {
    const entries = Object.entries(valid);
    return fc
      .tuple(
        fc.tuple(
          ...entries.map(([k, v]) =>
            fc.option(fc.oneof(mutationsOf(v), nasty), { nil: undefined }).map((m) => [k, m] as const),
          ),
        ),
        fc.option(fc.tuple(fc.string({ maxLength: 20 }), nasty), { nil: undefined }),
      )
      .map(([fields, extra]) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of fields) if (v !== undefined) out[k] = v;
        if (extra) out[extra[0]] = extra[1];
        return out;
      });
  }
  return fc.oneof(fc.constant(valid), nasty);
};

const tokens: Record<Caller, string> = { customer: "", restaurant: "", operator: "", nonnaOwner: "" };
beforeAll(async () => {
  tokens.customer = await accessTokenOf("customer@tiffin.test");
  tokens.restaurant = await accessTokenOf("owner@bombay.tiffin.test");
  tokens.operator = await accessTokenOf("operator@tiffin.test");
  tokens.nonnaOwner = await accessTokenOf("marco@nonna.tiffin.test");
}, 60_000);

describe("input fuzzing", () => {
  it("covers every procedure", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(10);
    // Every procedure that needs a role other than customer's is called as that role.
    expect(procedures.map((p) => p.path)).toContain("auth.revokeSessions");
  });

  it.each(procedures)(`$path never answers 5xx (${RUNS} cases)`, async ({ path, kind }) => {
    const valid = validInputs[path];
    const input =
      valid === undefined ? fc.oneof(fc.constant(undefined), nasty) : fc.oneof(mutationsOf(valid), nasty);
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        cases++;
        const res = await callProcedure({
          apiBase,
          path,
          kind,
          input: value,
          token: tokens[callerRole[path] ?? "customer"],
        });
        return res.status < 500;
      }),
      { numRuns: RUNS },
    );
    expect(cases).toBeGreaterThanOrEqual(RUNS);
  });
});
