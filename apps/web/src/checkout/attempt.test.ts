import { describe, expect, it } from "vitest";
import { type AttemptStorage, currentAttempt, endAttempt } from "./attempt";

const memoryStorage = (): AttemptStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
};

describe("checkout attempt", () => {
  it("keeps the same idempotency key across clicks and reloads until the attempt ends", () => {
    const storage = memoryStorage();
    const first = currentAttempt(storage);
    expect(currentAttempt(storage)).toEqual(first);
    expect(first.idempotencyKey).not.toBe(first.correlationId);

    endAttempt(storage);
    expect(currentAttempt(storage).idempotencyKey).not.toBe(first.idempotencyKey);
  });

  it("replaces a corrupted stored attempt", () => {
    const storage = memoryStorage();
    storage.setItem("tiffin.checkout-attempt.v1", '{"idempotencyKey":"nope","correlationId":"x"}');
    expect(currentAttempt(storage).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    storage.setItem("tiffin.checkout-attempt.v1", "{not json");
    expect(currentAttempt(storage).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });
});
