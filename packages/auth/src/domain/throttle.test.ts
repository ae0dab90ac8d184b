import { describe, expect, it } from "vitest";
import { InMemoryAttemptCounter, manualClock } from "../../test/fakes";
import { createThrottle, LIMITS, type ThrottledAction, waitInWords } from "./throttle";

const MINUTE = 60_000;

const setup = () => {
  const clock = manualClock();
  const attempts = new InMemoryAttemptCounter();
  return { clock, attempts, throttle: createThrottle({ attempts, now: clock.now }) };
};

/** `n` attempts that each fail (a reservation that never reports success). */
const failTimes = async (
  throttle: ReturnType<typeof setup>["throttle"],
  action: ThrottledAction,
  n: number,
  attempt: { email: string; address: string },
) => {
  for (let i = 0; i < n; i++) expect((await throttle.reserve(action, attempt)).allowed).toBe(true);
};

describe("throttle", () => {
  it("limits logins to 5 per account and 20 per address, codes to 10 per email, mail to 3 per recipient and 50 per address, in 15 minutes", () => {
    expect(LIMITS).toEqual({
      windowMs: 15 * MINUTE,
      login: { perAccount: 5, perAddress: 20 },
      code: { perAccount: 10, perAddress: 20 },
      mail: { perRecipient: 3, perAddress: 50 },
    });
  });

  it("counts an attempt when it is reserved, before it is checked: the sixth for an account is refused, from any address", async () => {
    const { throttle, attempts, clock } = setup();
    for (let i = 0; i < 5; i++) {
      expect(
        (await throttle.reserve("login", { email: "ada@example.com", address: `10.0.0.${i}` })).allowed,
      ).toBe(true);
    }
    expect(attempts.count("account:ada@example.com", clock.now())).toBe(5);
    expect(await throttle.reserve("login", { email: "ada@example.com", address: "10.9.9.9" })).toEqual({
      allowed: false,
      retryAfterSeconds: 15 * 60,
    });
  });

  it("refuses a burst of parallel attempts past the limit (no check-then-act)", async () => {
    const { throttle } = setup();
    const decisions = await Promise.all(
      Array.from({ length: 60 }, () =>
        throttle.reserve("login", { email: "ada@example.com", address: "10.0.0.1" }),
      ),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.filter((d) => !d.allowed)).toHaveLength(55);
  });

  it("counts nothing for a refused attempt, and gives back what it reserved before being refused", async () => {
    const { throttle, attempts, clock } = setup();
    // The address is full; the account has room: the account's reservation is given back.
    for (let i = 0; i < 20; i++)
      await throttle.reserve("login", { email: `u${i}@example.com`, address: "10.0.0.7" });
    expect((await throttle.reserve("login", { email: "ada@example.com", address: "10.0.0.7" })).allowed).toBe(
      false,
    );
    expect(attempts.count("account:ada@example.com", clock.now())).toBe(0);
    expect((await throttle.reserve("login", { email: "ada@example.com", address: "10.0.0.8" })).allowed).toBe(
      true,
    );
  });

  it("counts an account case-insensitively (as logins are)", async () => {
    const { throttle } = setup();
    await failTimes(throttle, "login", 5, { email: "Ada@Example.com", address: "10.0.0.1" });
    expect((await throttle.reserve("login", { email: "ada@example.com", address: "10.0.0.2" })).allowed).toBe(
      false,
    );
  });

  it("does not let one account's failures block another account", async () => {
    const { throttle } = setup();
    await failTimes(throttle, "login", 5, { email: "ada@example.com", address: "10.0.0.1" });
    expect((await throttle.reserve("login", { email: "bob@example.com", address: "10.0.0.2" })).allowed).toBe(
      true,
    );
  });

  it("says how long is left, and lets attempts in again when the window ends", async () => {
    const { throttle, clock } = setup();
    await failTimes(throttle, "login", 5, { email: "ada@example.com", address: "10.0.0.1" });
    clock.advance(10 * MINUTE);
    expect(await throttle.reserve("login", { email: "ada@example.com", address: "10.0.0.1" })).toEqual({
      allowed: false,
      retryAfterSeconds: 5 * 60,
    });
    clock.advance(5 * MINUTE);
    expect((await throttle.reserve("login", { email: "ada@example.com", address: "10.0.0.1" })).allowed).toBe(
      true,
    );
  });

  it("counts from a fixed window: the first attempt opens it, later ones do not extend it", async () => {
    const { throttle, clock } = setup();
    await failTimes(throttle, "login", 1, { email: "ada@example.com", address: "10.0.0.1" });
    clock.advance(14 * MINUTE);
    await failTimes(throttle, "login", 4, { email: "ada@example.com", address: "10.0.0.1" });
    expect(await throttle.reserve("login", { email: "ada@example.com", address: "10.0.0.1" })).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    });
    clock.advance(MINUTE);
    expect((await throttle.reserve("login", { email: "ada@example.com", address: "10.0.0.1" })).allowed).toBe(
      true,
    );
  });

  it("on a success, clears the account's count and gives the address its slot back", async () => {
    const { throttle, attempts, clock } = setup();
    await failTimes(throttle, "login", 4, { email: "ada@example.com", address: "10.0.0.1" });
    const ok = await throttle.reserve("login", { email: "ada@example.com", address: "10.0.0.1" });
    if (!ok.allowed) throw new Error("expected the fifth attempt to be allowed");
    await ok.succeeded();
    expect(attempts.count("account:ada@example.com", clock.now())).toBe(0);
    // The four failures stay counted against the address; the success does not.
    expect(attempts.count("address:10.0.0.1", clock.now())).toBe(4);
  });

  it("counts code guesses apart from logins, but against the same address budget", async () => {
    const { throttle } = setup();
    await failTimes(throttle, "code", 10, { email: "ada@example.com", address: "10.0.0.1" });
    expect((await throttle.reserve("code", { email: "ada@example.com", address: "10.0.0.2" })).allowed).toBe(
      false,
    );
    expect((await throttle.reserve("login", { email: "ada@example.com", address: "10.0.0.2" })).allowed).toBe(
      true,
    );
    for (let i = 0; i < 10; i++)
      await failTimes(throttle, "login", 1, { email: `u${i}@example.com`, address: "10.0.0.1" });
    expect((await throttle.reserve("code", { email: "new@example.com", address: "10.0.0.1" })).allowed).toBe(
      false,
    );
  });

  it("mails at most 3 codes per recipient, and a sent code is never given back", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 3; i++) {
      const sent = await throttle.reserve("mail", { email: "ada@example.com", address: `10.0.1.${i}` });
      if (!sent.allowed) throw new Error("expected the code to be sent");
      await sent.succeeded();
    }
    expect(await throttle.reserve("mail", { email: "ada@example.com", address: "10.0.1.9" })).toEqual({
      allowed: false,
      retryAfterSeconds: 15 * 60,
    });
  });

  it("mails at most 50 codes for one address, whichever recipients", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 50; i++)
      await throttle.reserve("mail", { email: `r${i}@example.com`, address: "10.0.2.1" });
    expect((await throttle.reserve("mail", { email: "r99@example.com", address: "10.0.2.1" })).allowed).toBe(
      false,
    );
    expect((await throttle.reserve("mail", { email: "r99@example.com", address: "10.0.2.2" })).allowed).toBe(
      true,
    );
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
