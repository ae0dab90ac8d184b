import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { emulatorClients, freshTable } from "@tiffin/aws/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { dynamoOutbox, listOutbox, outboxItem, retryOutboxEntry } from "./dynamo";
import { createRelay } from "./relay";

interface Entry {
  id: string;
  ownerId: string;
  createdAt: string;
}

const T0 = Date.UTC(2026, 10, 27, 18, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const keyOf = (e: Entry) => ({ pk: `OWNER#${e.ownerId}`, sk: `OUTBOX#${e.id}` });
const entry = (id: string, seconds: number): Entry => ({
  id,
  ownerId: id,
  createdAt: at(seconds).toISOString(),
});

let table: string;
beforeEach(async () => {
  table = await freshTable("OrdersTable");
});

const save = async (...entries: Entry[]) => {
  const { db } = emulatorClients();
  for (const e of entries) await db.send(new PutCommand({ TableName: table, Item: outboxItem(keyOf(e), e) }));
};

/** The relay over the real adapter, a sender that refuses what `refuse` picks, and a settable clock. */
const relayOver = (
  refuse: (e: Entry) => boolean,
  policy = { maxAttempts: 10, baseDelayMs: 10_000, maxDelayMs: 60_000 },
) => {
  const { db } = emulatorClients();
  const store = dynamoOutbox<Entry>(db, table, keyOf);
  const sent: string[] = [];
  const clock = { now: at(3600) };
  const relay = createRelay<Entry>({
    store,
    send: async (e) => {
      if (refuse(e)) throw new Error(`refused ${e.id}`);
      sent.push(e.id);
    },
    now: () => clock.now,
    log: { info: () => undefined, warn: () => undefined },
    describe: (e) => ({ ownerId: e.ownerId }),
    policy,
  });
  return { store, sent, clock, relay, db };
};

describe("outbox adapter (DynamoDB Local)", () => {
  it("sends the good entry behind 30 stuck ones in one run, and backs the stuck ones off", async () => {
    const stuck = Array.from({ length: 30 }, (_, i) => entry(`stuck-${String(i).padStart(2, "0")}`, i));
    await save(...stuck, entry("good", 40));
    const { relay, sent, store } = relayOver((e) => e.id.startsWith("stuck-"));

    expect(await relay()).toMatchObject({ sent: 1, failed: 30, oldestPendingAgeSeconds: 3600 });
    expect(sent).toEqual(["good"]);

    // Paged past them, and each now waits for its next try: a run right away finds nothing due.
    expect((await store.due(at(3600), { limit: 100 })).entries).toEqual([]);
    const listed = await listOutbox(emulatorClients().db, table, "pending");
    expect(listed).toHaveLength(30);
    expect(listed[0]).toMatchObject({ id: "stuck-00", attempts: 1, lastError: "Error: refused stuck-00" });
    expect(listed[0]?.nextAttemptAt).toBe(at(3610).toISOString());
  });

  it("pages with DynamoDB's Limit-before-filter: short pages still lead to the due ones", async () => {
    await save(entry("a", 1), entry("b", 2), entry("c", 3));
    const { store, db } = relayOver(() => false);
    await store.markFailed(entry("a", 1), {
      attempts: 1,
      error: "x",
      failedAt: at(10),
      retryAt: at(999_999),
    });
    await store.markFailed(entry("b", 2), {
      attempts: 1,
      error: "x",
      failedAt: at(10),
      retryAt: at(999_999),
    });

    const first = await store.due(at(20), { limit: 2 });
    expect(first.entries).toEqual([]);
    expect(first.next).toBeDefined();
    const second = await store.due(at(20), { limit: 2, after: first.next });
    expect(second.entries.map((p) => p.entry.id)).toEqual(["c"]);
    expect((await listOutbox(db, table, "pending")).map((e) => e.id)).toEqual(["a", "b", "c"]);
  });

  it("parks an entry after maxAttempts, lists it, and an operator's retry makes the relay send it", async () => {
    await save(entry("poison", 0));
    let refusing = true;
    const { relay, sent, clock, store, db } = relayOver(() => refusing, {
      maxAttempts: 2,
      baseDelayMs: 1000,
      maxDelayMs: 1000,
    });

    await relay();
    clock.now = new Date(clock.now.getTime() + 1001);
    expect(await relay()).toMatchObject({ parked: 1, parkedTotal: 1, oldestPendingAgeSeconds: 0 });

    expect(await store.oldestPendingCreatedAt()).toBeUndefined();
    expect(await listOutbox(db, table, "parked")).toMatchObject([
      { id: "poison", state: "parked", attempts: 2, lastError: "Error: refused poison" },
    ]);
    clock.now = new Date(clock.now.getTime() + 3600_000);
    refusing = false;
    expect(await relay()).toMatchObject({ sent: 0, parkedTotal: 1 });

    expect(await retryOutboxEntry(db, table, "poison", clock.now)).toBe("retried");
    expect(await retryOutboxEntry(db, table, "no-such-entry", clock.now)).toBe("not_found");
    expect(await relay()).toMatchObject({ sent: 1, parkedTotal: 0 });
    expect(sent).toEqual(["poison"]);
    const item = await db.send(new GetCommand({ TableName: table, Key: keyOf(entry("poison", 0)) }));
    expect(item.Item).toMatchObject({ sentAt: clock.now.toISOString(), attempts: 0 });
    expect(item.Item).not.toHaveProperty("gsi1pk");
    expect(await listOutbox(db, table, "parked")).toEqual([]);
  });

  it("reports the oldest pending entry, parked ones aside, and never marks a sent entry failed", async () => {
    await save(entry("old", 0), entry("young", 50));
    const { store } = relayOver(() => false);

    expect(await store.oldestPendingCreatedAt()).toBe(at(0).toISOString());
    await store.markSent(entry("old", 0), at(60));
    expect(await store.oldestPendingCreatedAt()).toBe(at(50).toISOString());
    // A late failure report for an entry already sent changes nothing.
    await store.markFailed(entry("old", 0), {
      attempts: 1,
      error: "late",
      failedAt: at(61),
      retryAt: undefined,
    });
    expect(await store.parkedCount()).toBe(0);
  });
});
