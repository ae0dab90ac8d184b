import { describe, expect, it } from "vitest";
import { InMemoryCodes, manualClock, sequentialIds } from "../../test/fakes";
import { CODE_RULES, createOneTimeCodes } from "./one-time-codes";

const setup = () => {
  const store = new InMemoryCodes();
  const clock = manualClock();
  let next = 100000;
  const codes = createOneTimeCodes({
    store,
    now: clock.now,
    newId: sequentialIds(),
    generate: () => String(next++),
  });
  return { store, clock, codes };
};

describe("one-time codes", () => {
  it("are good for 10 minutes, 5 checks, once", () => {
    expect(CODE_RULES).toEqual({ ttlMs: 10 * 60_000, maxAttempts: 5, digits: 6 });
  });

  it("keep only a hash of the code on the server, never the code itself", async () => {
    const { codes, store } = setup();
    const { code } = await codes.issue("reset", "ada@example.com", {});
    const stored = await store.get("reset", "ada@example.com");
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(stored?.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accept the right code, carrying what it confirms", async () => {
    const { codes } = setup();
    const { id, code } = await codes.issue("register", "ada@example.com", { name: "Ada" });
    expect(await codes.check("register", "ada@example.com", id, code)).toMatchObject({
      ok: true,
      code: { payload: { name: "Ada" }, attempts: 1 },
    });
  });

  it("give 5 checks in all: after 5 wrong ones even the right code is refused", async () => {
    const { codes } = setup();
    const { id, code } = await codes.issue("reset", "ada@example.com", {});
    for (let i = 0; i < 5; i++) {
      expect(await codes.check("reset", "ada@example.com", id, "000000")).toEqual({
        ok: false,
        reason: "wrong",
      });
    }
    expect(await codes.check("reset", "ada@example.com", id, code)).toEqual({ ok: false, reason: "spent" });
  });

  it("refuse a burst of parallel checks past 5 (counted before comparing)", async () => {
    const { codes } = setup();
    const { id } = await codes.issue("reset", "ada@example.com", {});
    const checks = await Promise.all(
      Array.from({ length: 30 }, (_, i) => codes.check("reset", "ada@example.com", id, String(900000 + i))),
    );
    expect(checks.filter((c) => !c.ok && c.reason === "wrong")).toHaveLength(5);
    expect(checks.filter((c) => !c.ok && c.reason === "spent")).toHaveLength(25);
  });

  it("expire after 10 minutes", async () => {
    const { codes, clock } = setup();
    const { id, code } = await codes.issue("register", "ada@example.com", {});
    clock.advance(10 * 60_000);
    expect(await codes.check("register", "ada@example.com", id, code)).toEqual({
      ok: false,
      reason: "spent",
    });
  });

  it("are voided by a newer code for the same email and purpose", async () => {
    const { codes } = setup();
    const first = await codes.issue("reset", "ada@example.com", {});
    const second = await codes.issue("reset", "ada@example.com", {});
    expect(await codes.check("reset", "ada@example.com", first.id, first.code)).toEqual({
      ok: false,
      reason: "spent",
    });
    expect((await codes.check("reset", "ada@example.com", second.id, second.code)).ok).toBe(true);
  });

  it("are used once: a second use, or a use of an unverified reset code, is refused", async () => {
    const { codes } = setup();
    const { id } = await codes.issue("reset", "ada@example.com", {});
    expect(await codes.use("reset", "ada@example.com", id, { requireVerified: true })).toBe(false);
    expect(await codes.markVerified("reset", "ada@example.com", id)).toBe(true);
    expect(await codes.use("reset", "ada@example.com", id, { requireVerified: true })).toBe(true);
    expect(await codes.use("reset", "ada@example.com", id, { requireVerified: true })).toBe(false);
    expect(await codes.current("reset", "ada@example.com", id)).toBeUndefined();
  });

  it("keep registration and reset codes apart", async () => {
    const { codes } = setup();
    const registration = await codes.issue("register", "ada@example.com", {});
    await codes.issue("reset", "ada@example.com", {});
    expect((await codes.check("register", "ada@example.com", registration.id, registration.code)).ok).toBe(
      true,
    );
  });
});
