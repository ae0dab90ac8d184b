import type { Actor } from "@tiffin/kit/actor";
import { createTRPCClient } from "@trpc/client";
import superjson from "superjson";
import { describe, expect, it, vi } from "vitest";
import type { RefreshOutcome } from "../session/session";
import type { AppRouter } from "./app-router";
import { problemOf } from "./problem";
import { refreshLink } from "./refresh-link";
import { serviceLink } from "./service-link";

const ok = (data: unknown) => ({ result: { data: superjson.serialize(data) } });
const unauthorized = {
  error: superjson.serialize({
    message: "Your session has expired. Sign in again.",
    code: -32001,
    data: { code: "UNAUTHORIZED", httpStatus: 401 },
  }),
};

/** A service that answers 401 while `signedIn()` is false, else `data`; batches get one answer per call. */
const fakeService = (signedIn: () => boolean, data: unknown) => {
  const paths: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    paths.push(url.pathname);
    const size = url.searchParams.get("batch") ? (url.pathname.split("/").at(-1)?.split(",").length ?? 1) : 0;
    const one = signedIn() ? ok(data) : unauthorized;
    const body = size ? Array.from({ length: size }, () => one) : one;
    return new Response(JSON.stringify(body), {
      status: signedIn() ? 200 : 401,
      headers: { "content-type": "application/json" },
    });
  };
  return { paths, fetch };
};

const clientWith = (
  fetch: ReturnType<typeof fakeService>["fetch"],
  refresh: () => Promise<RefreshOutcome>,
  onSignedOut = vi.fn(),
) =>
  createTRPCClient<AppRouter>({
    links: [
      refreshLink({ refresh, onSignedOut }),
      serviceLink({ baseUrl: "http://tiffin.test/trpc", fetch }),
    ],
  });

const actor: Actor = { id: "a", email: "c@tiffin.test", name: "C", role: "customer", restaurants: [] };

describe("refreshLink", () => {
  it("renews an expired session once and retries the call", async () => {
    let signedIn = false;
    const service = fakeService(() => signedIn, []);
    const refresh = vi.fn(async (): Promise<RefreshOutcome> => {
      signedIn = true;
      return { outcome: "refreshed", actor };
    });
    const orders = await clientWith(service.fetch, refresh).orders.mine.query();
    expect(orders).toEqual([]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(service.paths).toEqual(["/trpc/orders/mine", "/trpc/orders/mine"]);
  });

  it("retries a mutation with the same correlation id after renewing", async () => {
    let signedIn = false;
    const ids: (string | null)[] = [];
    const service = fakeService(() => signedIn, { id: "o1" });
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      ids.push(new Headers(init?.headers).get("x-correlation-id"));
      return service.fetch(input);
    };
    const refresh = async (): Promise<RefreshOutcome> => {
      signedIn = true;
      return { outcome: "refreshed", actor };
    };
    const client = clientWith(fetch, refresh);
    await client.orders.place.mutate(
      {
        idempotencyKey: "3b241101-e2bb-4255-8caf-4136c566a962",
        restaurantId: "nonna-rosa",
        lines: [{ itemId: "margherita", quantity: 1 }],
        customer: { name: "Sam", phone: "+1 415 555 0134" },
        delivery: { address: "1 Market St", notes: "" },
        payment: { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" },
      },
      { context: { correlationId: "checkout-attempt-1" } },
    );
    expect(ids).toEqual(["checkout-attempt-1", "checkout-attempt-1"]);
  });

  it("reports signed out only when the refresh is refused, and surfaces the 401", async () => {
    const service = fakeService(() => false, []);
    const onSignedOut = vi.fn();
    const refresh = vi.fn(async (): Promise<RefreshOutcome> => ({ outcome: "signed-out" }));
    const error = await clientWith(service.fetch, refresh, onSignedOut)
      .orders.mine.query()
      .catch((e: unknown) => e);
    expect(problemOf(error)).toMatchObject({
      status: 401,
      message: "Your session has expired. Sign in again.",
    });
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(service.paths).toHaveLength(1);
  });

  it("keeps the session when the issuer is unreachable, and says sign-in is temporarily unavailable", async () => {
    const service = fakeService(() => false, []);
    const onSignedOut = vi.fn();
    const refresh = async (): Promise<RefreshOutcome> => ({ outcome: "unavailable" });
    const error = await clientWith(service.fetch, refresh, onSignedOut)
      .orders.mine.query()
      .catch((e: unknown) => e);
    expect(problemOf(error)).toMatchObject({
      status: 401,
      message: "Signing in is temporarily unavailable. You are still signed in; try again in a moment.",
    });
    expect(onSignedOut).not.toHaveBeenCalled();
    expect(service.paths).toHaveLength(1);
  });

  it("says the same when renewing fails unexpectedly, without signing anyone out", async () => {
    const service = fakeService(() => false, []);
    const onSignedOut = vi.fn();
    const refresh = async (): Promise<RefreshOutcome> => {
      throw new Error("boom");
    };
    const error = await clientWith(service.fetch, refresh, onSignedOut)
      .orders.mine.query()
      .catch((e: unknown) => e);
    expect(problemOf(error).message).toBe(
      "Signing in is temporarily unavailable. You are still signed in; try again in a moment.",
    );
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it("does not loop when the retry is refused too", async () => {
    const service = fakeService(() => false, []);
    const refresh = vi.fn(async (): Promise<RefreshOutcome> => ({ outcome: "refreshed", actor }));
    const error = await clientWith(service.fetch, refresh)
      .orders.mine.query()
      .catch((e: unknown) => e);
    expect(problemOf(error).status).toBe(401);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(service.paths).toHaveLength(2);
  });

  it("leaves other errors alone", async () => {
    const fetch = async () =>
      new Response(
        JSON.stringify({
          error: superjson.serialize({
            message: "No",
            code: -32003,
            data: { code: "FORBIDDEN", httpStatus: 403 },
          }),
        }),
        { status: 403, headers: { "content-type": "application/json" } },
      );
    const refresh = vi.fn(async (): Promise<RefreshOutcome> => ({ outcome: "refreshed", actor }));
    const error = await clientWith(fetch, refresh)
      .restaurants.myRestaurants.query()
      .catch((e: unknown) => e);
    expect(problemOf(error).status).toBe(403);
    expect(refresh).not.toHaveBeenCalled();
  });
});
