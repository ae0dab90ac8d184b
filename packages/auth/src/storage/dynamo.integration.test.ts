import { randomUUID } from "node:crypto";
import { emulatorClients, freshTable } from "@tiffin/aws/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../test/fakes";
import type { Account } from "../domain/accounts";
import type { StoredCode } from "../domain/ports";
import { dynamoAccounts, dynamoAttemptCounter, dynamoCodes, dynamoDevMailbox } from "./dynamo";

const { db } = emulatorClients();
/*
 * Clocks start at the real time: items get a TTL `expiry`, and a table sweeper (DynamoDB's, and maybe
 * DynamoDB Local's) may delete items whose expiry is past by the wall clock, whatever a test's clock says.
 */
const clockAtNow = () => manualClock(new Date());
let table = "";
beforeAll(async () => {
  table = await freshTable("AuthTable");
});

const account = (email: string): Account => ({
  id: randomUUID(),
  email,
  name: email.split("@")[0] ?? email,
  role: "customer",
  restaurants: [],
  createdAt: "2026-03-01T12:00:00.000Z",
});

describe("accounts in AuthTable", () => {
  it("keeps a name in any script exactly", async () => {
    const accounts = dynamoAccounts(db, table);
    const name =
      "Zoë 李小龍 محمد 👩🏽‍🍳 Rene\u0301e 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}";
    const ada = { ...account(`n-${randomUUID()}@example.com`), name };
    await accounts.create(ada);
    expect((await accounts.byEmail(ada.email))?.name).toBe(name);
  });

  it("creates once: a second create for the same email writes nothing", async () => {
    const accounts = dynamoAccounts(db, table);
    const first = account("ada@example.com");
    expect(await accounts.create(first)).toBe("created");
    expect(await accounts.create({ ...first, id: randomUUID(), name: "impostor" })).toBe("exists");
    expect(await accounts.byEmail("ada@example.com")).toEqual(first);
    expect(await accounts.byEmail("nobody@example.com")).toBeUndefined();
  });

  it("saves changes (an operator's role change)", async () => {
    const accounts = dynamoAccounts(db, table);
    const staff = account("staff@example.com");
    await accounts.create(staff);
    const promoted: Account = {
      ...staff,
      role: "restaurant",
      restaurants: [{ id: "nonna-rosa", role: "staff" }],
    };
    await accounts.save(promoted);
    expect(await accounts.byEmail("staff@example.com")).toEqual(promoted);
  });
});

describe("attempt counters in AuthTable", () => {
  const WINDOW = 15 * 60_000;

  it("counts within a window up to its limit, refuses past it, and opens a new window when it ends", async () => {
    const clock = clockAtNow();
    const counter = dynamoAttemptCounter(db, table);
    const key = `account:${randomUUID()}`;
    const opened = clock.now().getTime() + WINDOW;
    for (let i = 0; i < 3; i++)
      expect(await counter.reserve(key, 3, clock.now(), WINDOW)).toEqual({ reserved: true });
    clock.advance(60_000);
    expect(await counter.reserve(key, 3, clock.now(), WINDOW)).toEqual({
      reserved: false,
      resetsAt: new Date(opened),
    });
    // DynamoDB Local never deletes the expired window: it must count as none.
    clock.advance(WINDOW);
    expect(await counter.reserve(key, 3, clock.now(), WINDOW)).toEqual({ reserved: true });
    expect(await counter.reserve(key, 1, clock.now(), WINDOW)).toMatchObject({ reserved: false });
  });

  it("reserves exactly the limit when 60 attempts arrive at once (an atomic condition, not check-then-act)", async () => {
    const now = new Date();
    const counter = dynamoAttemptCounter(db, table);
    const key = `address:${randomUUID()}`;
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, () => counter.reserve(key, 5, now, WINDOW)),
    );
    expect(outcomes.filter((o) => o.reserved)).toHaveLength(5);
    expect(outcomes.filter((o) => !o.reserved)).toHaveLength(55);
  });

  it("gives a reserved attempt back, never below zero, and clears a window", async () => {
    const now = new Date();
    const counter = dynamoAttemptCounter(db, table);
    const key = `account:${randomUUID()}`;
    await counter.reserve(key, 2, now, WINDOW);
    await counter.reserve(key, 2, now, WINDOW);
    expect((await counter.reserve(key, 2, now, WINDOW)).reserved).toBe(false);
    await counter.release(key, now);
    expect((await counter.reserve(key, 2, now, WINDOW)).reserved).toBe(true);
    await counter.release(key, now);
    await counter.release(key, now);
    await counter.release(key, now);
    expect((await counter.reserve(key, 2, now, WINDOW)).reserved).toBe(true);
    expect((await counter.reserve(key, 2, now, WINDOW)).reserved).toBe(true);
    expect((await counter.reserve(key, 2, now, WINDOW)).reserved).toBe(false);
    await counter.clear(key);
    expect((await counter.reserve(key, 2, now, WINDOW)).reserved).toBe(true);
    // Releasing a key that never counted anything writes nothing and does not fail.
    await counter.release(`account:${randomUUID()}`, now);
  });
});

describe("one-time codes in AuthTable", () => {
  const code = (email: string, overrides: Partial<StoredCode> = {}): StoredCode => ({
    purpose: "reset",
    email,
    id: randomUUID(),
    codeHash: "f".repeat(64),
    attempts: 0,
    expiresAt: new Date(Date.now() + 10 * 60_000),
    verified: false,
    used: false,
    payload: { name: "Zoë 👩🏽‍🍳" },
    ...overrides,
  });

  it("stores a code and reads it back exactly", async () => {
    const codes = dynamoCodes(db, table);
    const stored = code(`c-${randomUUID()}@example.com`);
    await codes.put(stored);
    expect(await codes.get("reset", stored.email)).toEqual(stored);
    expect(await codes.get("register", stored.email)).toBeUndefined();
  });

  it("spends at most 5 attempts, even 30 at once", async () => {
    const codes = dynamoCodes(db, table);
    const stored = code(`c-${randomUUID()}@example.com`);
    await codes.put(stored);
    const now = new Date();
    const spent = await Promise.all(
      Array.from({ length: 30 }, () => codes.spendAttempt("reset", stored.email, stored.id, now, 5)),
    );
    expect(
      spent
        .filter(Boolean)
        .map((c) => c?.attempts)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
    expect((await codes.get("reset", stored.email))?.attempts).toBe(5);
  });

  it("spends nothing on an expired, used or replaced code", async () => {
    const codes = dynamoCodes(db, table);
    const now = new Date();
    const expired = code(`c-${randomUUID()}@example.com`, { expiresAt: new Date(now.getTime() - 1) });
    await codes.put(expired);
    expect(await codes.spendAttempt("reset", expired.email, expired.id, now, 5)).toBeUndefined();
    const used = code(`c-${randomUUID()}@example.com`, { used: true });
    await codes.put(used);
    expect(await codes.spendAttempt("reset", used.email, used.id, now, 5)).toBeUndefined();
    const replaced = code(`c-${randomUUID()}@example.com`);
    await codes.put(replaced);
    await codes.put({ ...replaced, id: randomUUID() });
    expect(await codes.spendAttempt("reset", replaced.email, replaced.id, now, 5)).toBeUndefined();
  });

  it("uses a code once, however many try at the same moment, and only a verified one when asked", async () => {
    const codes = dynamoCodes(db, table);
    const stored = code(`c-${randomUUID()}@example.com`);
    await codes.put(stored);
    const now = new Date();
    expect(await codes.use("reset", stored.email, stored.id, now, { requireVerified: true })).toBe(false);
    expect(await codes.markVerified("reset", stored.email, stored.id, now)).toBe(true);
    const uses = await Promise.all(
      Array.from({ length: 10 }, () =>
        codes.use("reset", stored.email, stored.id, now, { requireVerified: true }),
      ),
    );
    expect(uses.filter(Boolean)).toHaveLength(1);
    expect(await codes.markVerified("reset", stored.email, stored.id, now)).toBe(false);
    await codes.remove("reset", stored.email);
    expect(await codes.get("reset", stored.email)).toBeUndefined();
  });
});

describe("dev mailbox in AuthTable", () => {
  it("lists messages newest first, filters by recipient, and drops expired ones", async () => {
    const mailTable = await freshTable("AuthTable");
    const clock = clockAtNow();
    let n = 0;
    const mailbox = dynamoDevMailbox(db, mailTable, { now: clock.now, newId: () => `mail-${++n}` });
    await mailbox.send({ to: "old@example.com", subject: "old", text: "sent 8 days before the others" });
    clock.advance(8 * 24 * 60 * 60_000);
    await mailbox.send({ to: "ada@example.com", subject: "first", text: "code 111111" });
    clock.advance(1000);
    await mailbox.send({ to: "bob@example.com", subject: "second", text: "code 222222" });
    clock.advance(1000);
    await mailbox.send({ to: "ada@example.com", subject: "third", text: "code 333333" });

    expect((await mailbox.list({ limit: 10 })).map((m) => m.subject)).toEqual(["third", "second", "first"]);
    const ada = await mailbox.list({ to: "ada@example.com", limit: 10 });
    expect(ada.map((m) => m.subject)).toEqual(["third", "first"]);
    expect(ada[0]).toEqual({
      id: "mail-4",
      to: "ada@example.com",
      subject: "third",
      text: "code 333333",
      sentAt: clock.now().toISOString(),
    });
    expect((await mailbox.list({ limit: 1 })).map((m) => m.subject)).toEqual(["third"]);
  });
});
