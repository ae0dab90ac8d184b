import { randomUUID } from "node:crypto";
import { emulatorClients, freshTable } from "@tiffin/aws/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../test/fakes";
import type { Account } from "../domain/accounts";
import { dynamoAccounts, dynamoAttemptCounter, dynamoDevMailbox } from "./dynamo";

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

describe("failed-attempt counters in AuthTable", () => {
  const WINDOW = 15 * 60_000;

  it("counts within a window, and reads an expired window as none (DynamoDB Local never deletes it)", async () => {
    const clock = clockAtNow();
    const counter = dynamoAttemptCounter(db, table);
    const key = `account:${randomUUID()}`;
    expect(await counter.get(key, clock.now())).toBeUndefined();
    const opened = await counter.increment(key, clock.now(), WINDOW);
    expect(opened).toEqual({ count: 1, resetsAt: new Date(clock.now().getTime() + WINDOW) });
    clock.advance(60_000);
    expect((await counter.increment(key, clock.now(), WINDOW)).count).toBe(2);
    expect(await counter.get(key, clock.now())).toEqual({ count: 2, resetsAt: opened.resetsAt });
    clock.advance(WINDOW);
    expect(await counter.get(key, clock.now())).toBeUndefined();
    expect(await counter.increment(key, clock.now(), WINDOW)).toEqual({
      count: 1,
      resetsAt: new Date(clock.now().getTime() + WINDOW),
    });
  });

  it("loses no failure when many are counted at once", async () => {
    const now = new Date();
    const counter = dynamoAttemptCounter(db, table);
    const key = `address:${randomUUID()}`;
    await Promise.all(Array.from({ length: 12 }, () => counter.increment(key, now, WINDOW)));
    expect((await counter.get(key, now))?.count).toBe(12);
  });

  it("clears a window", async () => {
    const now = new Date();
    const counter = dynamoAttemptCounter(db, table);
    const key = `account:${randomUUID()}`;
    await counter.increment(key, now, WINDOW);
    await counter.clear(key);
    expect(await counter.get(key, now)).toBeUndefined();
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
