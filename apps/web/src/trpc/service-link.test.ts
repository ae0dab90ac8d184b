import { createTRPCClient } from "@trpc/client";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "./app-router";
import { CORRELATION_HEADER, routeOf, serviceLink } from "./service-link";

describe("routeOf", () => {
  it("takes the service from the first path segment and keeps the rest as the procedure", () => {
    expect(routeOf("restaurants.list")).toEqual({ service: "restaurants", path: "list" });
    expect(routeOf("orders.place")).toEqual({ service: "orders", path: "place" });
  });

  it("refuses paths no service owns", () => {
    expect(routeOf("payments.charge")).toBeUndefined();
    expect(routeOf("orders")).toBeUndefined();
    expect(routeOf("orders.")).toBeUndefined();
    expect(routeOf("constructor.x")).toBeUndefined();
  });
});

interface SentRequest {
  url: URL;
  correlationId: string | null;
}

/** A fetch that records each request and answers every operation in it with `data`. */
const fakeFetch = (data: unknown) => {
  const sent: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    sent.push({ url, correlationId: new Headers(init?.headers).get(CORRELATION_HEADER) });
    const result = { result: { data: superjson.serialize(data) } };
    const batchSize = url.searchParams.get("batch")
      ? url.pathname.split("/").at(-1)?.split(",").length
      : undefined;
    const body = batchSize ? Array.from({ length: batchSize }, () => result) : result;
    return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
  };
  return { sent, fetch };
};

const clientWith = (fetch: ReturnType<typeof fakeFetch>["fetch"]) =>
  createTRPCClient<AppRouter>({ links: [serviceLink({ baseUrl: "http://tiffin.test/trpc", fetch })] });

describe("serviceLink", () => {
  it("sends each service's calls to its own endpoint with the service prefix stripped", async () => {
    const { sent, fetch } = fakeFetch({ restaurants: [], cuisines: [] });
    const client = clientWith(fetch);
    await client.restaurants.list.query({});
    await client.orders.get.query({ orderId: "3b241101-e2bb-4255-8caf-4136c566a962" });
    expect(sent.map((r) => r.url.pathname)).toEqual(["/trpc/restaurants/list", "/trpc/orders/get"]);
  });

  it("batches concurrent calls to one service into one request", async () => {
    const { sent, fetch } = fakeFetch([]);
    const client = clientWith(fetch);
    await Promise.all([
      client.restaurants.tickets.query({ restaurantId: "a" }),
      client.restaurants.tickets.query({ restaurantId: "b" }),
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url.pathname).toBe("/trpc/restaurants/tickets,tickets");
  });

  it("never puts more calls in one request than the services accept (10)", async () => {
    const { sent, fetch } = fakeFetch([]);
    const client = clientWith(fetch);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => client.restaurants.bySlug.query({ slug: `place-${i}` })),
    );
    const sizes = sent.map((r) => r.url.pathname.split("/").at(-1)?.split(",").length);
    expect(sizes).toEqual([10, 10, 5]);
  });

  it("gives every request a fresh correlation id unless the operation brings its own", async () => {
    const { sent, fetch } = fakeFetch({ id: "x" });
    const client = clientWith(fetch);
    await client.restaurants.list.query({});
    await client.restaurants.list.query({});
    const placeInput = {
      idempotencyKey: "3b241101-e2bb-4255-8caf-4136c566a962",
      restaurantId: "dosa-house",
      lines: [{ itemId: "masala-dosa", quantity: 1 }],
      customer: { name: "Sam", phone: "+1 415 555 0134" },
      delivery: { address: "1 Market St", notes: "" },
      payment: { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" },
    };
    await client.orders.place.mutate(placeInput, { context: { correlationId: "checkout-attempt-1" } });
    await client.orders.place.mutate(placeInput, { context: { correlationId: "checkout-attempt-1" } });

    const [first, second, place1, place2] = sent.map((r) => r.correlationId);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect([place1, place2]).toEqual(["checkout-attempt-1", "checkout-attempt-1"]);
    expect(sent[2]?.url.pathname).toBe("/trpc/orders/place");
  });
});
