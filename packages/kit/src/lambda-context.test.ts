import { describe, expect, it, vi } from "vitest";
import { lambdaContext } from "./lambda-context";

describe("lambdaContext", () => {
  it("counts the function's time down from its timeout, never below zero", () => {
    vi.useFakeTimers();
    try {
      const context = lambdaContext("orders-api", 2_000);
      expect(context.functionName).toBe("orders-api");
      expect(context.getRemainingTimeInMillis()).toBe(2_000);
      vi.advanceTimersByTime(1_500);
      expect(context.getRemainingTimeInMillis()).toBe(500);
      vi.advanceTimersByTime(1_000);
      expect(context.getRemainingTimeInMillis()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("gives every invocation its own request id", () => {
    expect(lambdaContext().awsRequestId).not.toBe(lambdaContext().awsRequestId);
  });
});
