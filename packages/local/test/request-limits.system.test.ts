import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { accessTokenOf, apiBase } from "./system";
import { callProcedure } from "./trpc-http";

/*
 * What one HTTP request may carry, against the running services: tRPC batches are bounded and may not
 * hold more than one mutation, and garbage in cookies or the Authorization header makes the caller
 * anonymous (public procedures answer, protected ones say why), never a 5xx.
 */

const BATCH_TOO_LARGE = "One request may carry at most 10 calls. Send fewer at a time.";
const MUTATION_NOT_ALONE =
  "A change (mutation) must be sent on its own, not batched with other calls. Send it in its own request.";

let customer = "";
beforeAll(async () => {
  customer = await accessTokenOf("customer@tiffin.test");
}, 60_000);

const placeInput = () => ({
  idempotencyKey: randomUUID(),
  restaurantId: "bombay-tiffin-house",
  lines: [{ itemId: "butter-chicken", quantity: 1 }],
  customer: { name: "Batch Test", phone: "+1 415 555 0100" },
  delivery: { address: "1 Batch St, San Francisco", notes: "" },
  // The simulated provider's test card that is always authorized.
  payment: { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" },
});

const myOrderCount = async () => {
  const res = await callProcedure({ apiBase, path: "orders.mine", kind: "query", token: customer });
  expect(res.status).toBe(200);
  return (res.body as { result: { data: { json: unknown[] } } }).result.data.json.length;
};

/** A tRPC batch exactly as httpBatchLink puts it on the wire: `/a,b,c?batch=1`, inputs keyed by index. */
const sendBatch = async (opts: {
  service: string;
  procedures: string[];
  method: "GET" | "POST";
  inputs?: unknown[];
  token?: string;
}) => {
  const url = new URL(`/trpc/${opts.service}/${opts.procedures.join(",")}`, apiBase);
  url.searchParams.set("batch", "1");
  const wire = JSON.stringify(
    Object.fromEntries((opts.inputs ?? []).map((input, i) => [i, { json: input }])),
  );
  const headers: Record<string, string> = opts.token ? { authorization: `Bearer ${opts.token}` } : {};
  if (opts.method === "GET") url.searchParams.set("input", wire);
  const res = await fetch(url, {
    method: opts.method,
    headers: opts.method === "POST" ? { ...headers, "content-type": "application/json" } : headers,
    body: opts.method === "POST" ? wire : undefined,
  });
  const body = (await res.json()) as unknown;
  const envelopes = (Array.isArray(body) ? body : [body]) as { error?: { json?: { message?: string } } }[];
  return { status: res.status, messages: envelopes.map((e) => e.error?.json?.message) };
};

describe("batching at the services", () => {
  it("refuses fifty orders in one request with a 400 that says why, and places none", async () => {
    const before = await myOrderCount();

    const res = await sendBatch({
      service: "orders",
      procedures: Array(50).fill("place"),
      method: "POST",
      inputs: Array.from({ length: 50 }, placeInput),
      token: customer,
    });

    expect(res.status).toBe(400);
    expect(res.messages).toEqual([BATCH_TOO_LARGE]);
    expect(await myOrderCount()).toBe(before);
  });

  it("refuses two orders in one request, and places neither", async () => {
    const before = await myOrderCount();

    const res = await sendBatch({
      service: "orders",
      procedures: ["place", "place"],
      method: "POST",
      inputs: [placeInput(), placeInput()],
      token: customer,
    });

    expect(res.status).toBe(400);
    expect(res.messages).toEqual([MUTATION_NOT_ALONE, MUTATION_NOT_ALONE]);
    expect(await myOrderCount()).toBe(before);
  });

  it("answers up to 10 queries in one request and refuses 11", async () => {
    const slugs = (n: number) => Array.from({ length: n }, () => ({ slug: "nonna-rosa" }));
    const ten = await sendBatch({
      service: "restaurants",
      procedures: Array(10).fill("bySlug"),
      method: "GET",
      inputs: slugs(10),
    });
    const eleven = await sendBatch({
      service: "restaurants",
      procedures: Array(11).fill("bySlug"),
      method: "GET",
      inputs: slugs(11),
    });

    expect(ten.status).toBe(200);
    expect(eleven.status).toBe(400);
    expect(eleven.messages).toEqual([BATCH_TOO_LARGE]);
  });
});

describe("garbage in cookies and the Authorization header", () => {
  const MALFORMED = "tiffin_access=%E0%A4%A";

  it.each([
    ["restaurants.list", "orders.mine"],
    ["orders.quote", "orders.mine"],
    ["restaurants.list", "auth.me"],
  ])("a malformed access cookie: %s still answers, %s says the session is not valid", async (pub, prot) => {
    const quote = { restaurantId: "bombay-tiffin-house", lines: [{ itemId: "butter-chicken", quantity: 1 }] };
    const open = await callProcedure({
      apiBase,
      path: pub,
      kind: "query",
      input: pub === "orders.quote" ? quote : {},
      headers: { cookie: MALFORMED },
    });
    const closed = await callProcedure({
      apiBase,
      path: prot,
      kind: "query",
      headers: { cookie: MALFORMED },
    });

    expect(open.status).toBe(200);
    expect(closed.status).toBe(401);
    expect(closed.message).toBe("Your session is not valid. Sign in again.");
  });

  // What an HTTP client can put in a header at all: tab, printable ASCII and bytes 0x80-0xFF.
  const headerChar = fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.integer({ min: 0x80, max: 0xff }),
    fc.constantFrom(0x09, 0x25, 0x3b, 0x3d),
  );
  const headerText = fc
    .array(headerChar, { maxLength: 120 })
    .map((codes) => String.fromCharCode(...codes).trim());
  const cookieHeader = fc.oneof(
    headerText,
    headerText.map((v) => `tiffin_access=${v}`),
    fc.array(headerText, { maxLength: 4 }).map((parts) => parts.join("; ")),
  );
  const authorization = fc.oneof(
    headerText,
    headerText.map((v) => `Bearer ${v}`),
  );
  const garbage = fc.record({ cookie: cookieHeader, authorization }, { requiredKeys: [] });
  const withoutEmpty = (h: Record<string, string>) =>
    Object.fromEntries(Object.entries(h).filter(([, v]) => v !== ""));

  it("answers public procedures 200 and protected ones 401 with a reason, whatever the garbage (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(garbage, async (h) => {
        const headers = withoutEmpty(h);
        const open = await callProcedure({
          apiBase,
          path: "restaurants.list",
          kind: "query",
          input: {},
          headers,
        });
        const closed = await callProcedure({ apiBase, path: "orders.mine", kind: "query", headers });
        expect(open.status).toBe(200);
        expect(closed.status).toBe(401);
        expect(closed.message).toMatch(/Sign in/);
      }),
      { numRuns: 100 },
    );
  });
});
