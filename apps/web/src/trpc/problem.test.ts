import { createTRPCClient, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "./app-router";
import { isNotFound, isRefusal, isServiceDown, problemOf, SERVICE_DOWN, UNREACHABLE } from "./problem";
import { serviceLink } from "./service-link";

const serviceError = (message: string, data: Record<string, unknown>) =>
  new TRPCClientError(message, { result: { error: { message, code: -32600, data } } });

describe("problemOf", () => {
  it("keeps a service's message, status and field errors", () => {
    const error = serviceError("Enter a phone number the courier can call.", {
      httpStatus: 400,
      code: "BAD_REQUEST",
      fieldErrors: { "customer.phone": "Enter a phone number the courier can call.", bogus: 3 },
    });
    expect(problemOf(error)).toEqual({
      message: "Enter a phone number the courier can call.",
      status: 400,
      code: "BAD_REQUEST",
      fieldErrors: { "customer.phone": "Enter a phone number the courier can call." },
    });
    expect(isRefusal(error)).toBe(true);
  });

  it("treats a call that reached no service as unreachable, and worth retrying", () => {
    const error = TRPCClientError.from(new TypeError("Failed to fetch"));
    expect(problemOf(error).message).toBe(UNREACHABLE);
    expect(isRefusal(error)).toBe(false);
  });

  it("never shows a server-side failure's own text", () => {
    const error = serviceError("db exploded at line 3", { httpStatus: 500, code: "INTERNAL_SERVER_ERROR" });
    expect(problemOf(error).message).toBe("Something went wrong on our side. Please try again.");
  });

  it("recognises not found", () => {
    expect(isNotFound(serviceError("No such order", { httpStatus: 404, code: "NOT_FOUND" }))).toBe(true);
    expect(isNotFound(new Error("boom"))).toBe(false);
  });
});

/** What the browser's own link makes of one answer (status, body) to `restaurants.list`, batched or not. */
const errorFrom = async (status: number, body: string, batched = true): Promise<unknown> => {
  const fetch = async () => new Response(body, { status, headers: { "content-type": "application/json" } });
  const client = createTRPCClient<AppRouter>({
    links: [serviceLink({ baseUrl: "http://tiffin.test/trpc", fetch })],
  });
  try {
    // A correlation id sends the call on its own (httpLink); without one it is batched (httpBatchLink).
    await client.restaurants.list.query({}, batched ? undefined : { context: { correlationId: "c-1" } });
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded");
};

/** The body a service sends for a tRPC error (superjson-encoded, as the kit's error formatter shapes it). */
const trpcErrorBody = (message: string, code: string, httpStatus: number) =>
  JSON.stringify([{ error: superjson.serialize({ message, code: -32603, data: { code, httpStatus } }) }]);

describe("a service that is down, through the real link", () => {
  // The local router's answer when a service's process is stopped (packages/local/src/router.ts).
  const routerDown = JSON.stringify({
    error: {
      message:
        "The restaurants service is temporarily unavailable. Nothing was changed; please try again in a moment.",
      code: "SERVICE_UNAVAILABLE",
    },
  });

  it.each([true, false])("is told apart from being offline (batched: %s)", async (batched) => {
    const error = await errorFrom(503, routerDown, batched);
    expect(isServiceDown(error)).toBe(true);
    expect(problemOf(error)).toEqual({
      message: SERVICE_DOWN,
      status: 503,
      code: undefined,
      fieldErrors: {},
    });
    // Worth retrying: it may be back in a moment.
    expect(isRefusal(error)).toBe(false);
  });

  it("counts a gateway's 502 and 504 too, and a network failure as unreachable", async () => {
    expect(isServiceDown(await errorFrom(502, JSON.stringify({ message: "Bad Gateway" })))).toBe(true);
    expect(isServiceDown(await errorFrom(504, JSON.stringify({ message: "timeout" })))).toBe(true);
    const offline = TRPCClientError.from(new TypeError("Failed to fetch"));
    expect(isServiceDown(offline)).toBe(false);
    expect(problemOf(offline).message).toBe(UNREACHABLE);
  });

  it("is not what a service says about itself: its 503 sign-in message is shown as it is", async () => {
    const message = "Sign-in checks are temporarily unavailable; try again in a minute.";
    const error = await errorFrom(503, trpcErrorBody(message, "SERVICE_UNAVAILABLE", 503));
    expect(isServiceDown(error)).toBe(false);
    expect(problemOf(error)).toEqual({ message, status: 503, code: "SERVICE_UNAVAILABLE", fieldErrors: {} });
  });

  it("still hides a service's own 500 text", async () => {
    const error = await errorFrom(500, trpcErrorBody("db exploded", "INTERNAL_SERVER_ERROR", 500));
    expect(isServiceDown(error)).toBe(false);
    expect(problemOf(error).message).toBe("Something went wrong on our side. Please try again.");
  });
});
