import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { isNotFound, isRefusal, problemOf, UNREACHABLE } from "./problem";

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
