import { describe, expect, it } from "vitest";
import { isUuid, newUuid } from "./uuid";

const getRandomValues = globalThis.crypto.getRandomValues.bind(globalThis.crypto);

describe("newUuid", () => {
  it("uses crypto.randomUUID when the context has it", () => {
    expect(newUuid({ getRandomValues, randomUUID: () => "from-randomUUID" })).toBe("from-randomUUID");
  });

  it("builds a valid v4 UUID from getRandomValues outside secure contexts", () => {
    const ids = new Set(Array.from({ length: 50 }, () => newUuid({ getRandomValues })));
    expect(ids.size).toBe(50);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

describe("isUuid", () => {
  it("accepts UUIDs and rejects anything else", () => {
    expect(isUuid("3b241101-e2bb-4255-8caf-4136c566a962")).toBe(true);
    expect(isUuid("3B241101-E2BB-4255-8CAF-4136C566A962")).toBe(true);
    expect(isUuid("not-an-order")).toBe(false);
    expect(isUuid("3b241101e2bb42558caf4136c566a962")).toBe(false);
  });
});
