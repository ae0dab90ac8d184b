import { describe, expect, it } from "vitest";
import { InMemoryAttemptCounter, manualClock } from "../../test/fakes";
import { createLoginThrottle, LOGIN_LIMITS, waitInWords } from "./throttle";

const MINUTE = 60_000;

const setup = () => {
  const clock = manualClock();
  const attempts = new InMemoryAttemptCounter();
  return { clock, attempts, throttle: createLoginThrottle({ attempts, now: clock.now }) };
};

const failTimes = async (
  throttle: ReturnType<typeof setup>["throttle"],
  n: number,
  attempt: { email?: string; address: string },
) => {
  for (let i = 0; i < n; i++) await throttle.failed(attempt);
};

describe("login throttle", () => {
  it("uses 5 failures per account and 20 per address in 15 minutes", () => {
    expect(LOGIN_LIMITS).toEqual({ perAccount: 5, perAddress: 20, windowMs: 15 * MINUTE });
  });

  it("allows the first five attempts for an account and refuses the sixth, from any address", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 5; i++) {
      expect(await throttle.check({ email: "ada@example.com", address: `10.0.0.${i}` })).toEqual({
        allowed: true,
      });
      await throttle.failed({ email: "ada@example.com", address: `10.0.0.${i}` });
    }
    expect(await throttle.check({ email: "ada@example.com", address: "10.9.9.9" })).toEqual({
      allowed: false,
      retryAfterSeconds: 15 * 60,
    });
  });

  it("counts an account case-insensitively (as logins are)", async () => {
    const { throttle } = setup();
    await failTimes(throttle, 5, { email: "Ada@Example.com", address: "10.0.0.1" });
    expect((await throttle.check({ email: "ada@example.com", address: "10.0.0.2" })).allowed).toBe(false);
  });

  it("does not let one account's failures block another account", async () => {
    const { throttle } = setup();
    await failTimes(throttle, 5, { email: "ada@example.com", address: "10.0.0.1" });
    expect(await throttle.check({ email: "bob@example.com", address: "10.0.0.2" })).toEqual({
      allowed: true,
    });
  });

  it("refuses an address after 20 failures, whichever emails they were for", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 20; i++)
      await throttle.failed({ email: `user${i}@example.com`, address: "10.0.0.7" });
    expect((await throttle.check({ email: "new@example.com", address: "10.0.0.7" })).allowed).toBe(false);
    expect((await throttle.check({ address: "10.0.0.7" })).allowed).toBe(false);
    expect(await throttle.check({ email: "new@example.com", address: "10.0.0.8" })).toEqual({
      allowed: true,
    });
  });

  it("says how long is left, and lets attempts in again when the window ends", async () => {
    const { throttle, clock } = setup();
    await failTimes(throttle, 5, { email: "ada@example.com", address: "10.0.0.1" });
    clock.advance(10 * MINUTE);
    expect(await throttle.check({ email: "ada@example.com", address: "10.0.0.1" })).toEqual({
      allowed: false,
      retryAfterSeconds: 5 * 60,
    });
    clock.advance(5 * MINUTE);
    expect(await throttle.check({ email: "ada@example.com", address: "10.0.0.1" })).toEqual({
      allowed: true,
    });
  });

  it("counts from a fixed window: the first failure opens it, later ones do not extend it", async () => {
    const { throttle, clock } = setup();
    await throttle.failed({ email: "ada@example.com", address: "10.0.0.1" });
    clock.advance(14 * MINUTE);
    await failTimes(throttle, 4, { email: "ada@example.com", address: "10.0.0.1" });
    expect(await throttle.check({ email: "ada@example.com", address: "10.0.0.1" })).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    });
    clock.advance(MINUTE);
    expect((await throttle.check({ email: "ada@example.com", address: "10.0.0.1" })).allowed).toBe(true);
  });

  it("waits for every window that blocks (the later one)", async () => {
    const { throttle, clock } = setup();
    for (let i = 0; i < 20; i++) await throttle.failed({ address: "10.0.0.1" });
    clock.advance(5 * MINUTE);
    await failTimes(throttle, 5, { email: "ada@example.com", address: "10.0.0.2" });
    const decision = await throttle.check({ email: "ada@example.com", address: "10.0.0.1" });
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
  });

  it("clears the account's count on a success, but not the address's", async () => {
    const { throttle } = setup();
    await failTimes(throttle, 4, { email: "ada@example.com", address: "10.0.0.1" });
    await throttle.succeeded({ email: "ada@example.com", address: "10.0.0.1" });
    await failTimes(throttle, 4, { email: "ada@example.com", address: "10.0.0.1" });
    expect(await throttle.check({ email: "ada@example.com", address: "10.0.0.1" })).toEqual({
      allowed: true,
    });
    for (let i = 0; i < 12; i++) await throttle.failed({ address: "10.0.0.1" });
    expect((await throttle.check({ address: "10.0.0.1" })).allowed).toBe(false);
  });
});

describe("waitInWords", () => {
  it.each([
    [1, "1 second"],
    [45, "45 seconds"],
    [60, "1 minute"],
    [61, "2 minutes"],
    [900, "15 minutes"],
  ])("%i s -> %s", (seconds, words) => {
    expect(waitInWords(seconds)).toBe(words);
  });
});
