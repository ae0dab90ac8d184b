import { describe, expect, it } from "vitest";
import { createRelay, DEFAULT_RETRY, type RelayDeps, retryDelayMs } from "./relay";
import { InMemoryOutbox } from "./testing";

interface TestEntry {
  id: string;
  createdAt: string;
  correlationId: string;
}

const T0 = Date.UTC(2026, 10, 27, 18, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const entry = (id: string, createdAtSeconds = 0): TestEntry => ({
  id,
  createdAt: at(createdAtSeconds),
  correlationId: `corr-${id}`,
});

/** A relay over the in-memory outbox, a sender that records (and can refuse) and a settable clock. */
const harness = (opts: Partial<Pick<RelayDeps<TestEntry>, "policy" | "pageSize" | "budgetMs">> = {}) => {
  const store = new InMemoryOutbox<TestEntry>();
  const sent: string[] = [];
  const lines: { level: string; message: string; extra: Record<string, unknown> }[] = [];
  let refuse: (e: TestEntry) => boolean = () => false;
  const clock = { now: T0 + 3600_000, tick: 0 };
  const relay = createRelay<TestEntry>({
    store,
    send: async (e) => {
      if (refuse(e)) throw new Error(`InvalidMessageContents: ${e.id}`);
      sent.push(e.id);
    },
    now: () => {
      clock.now += clock.tick;
      return new Date(clock.now);
    },
    log: {
      info: (message, extra) => lines.push({ level: "info", message, extra }),
      warn: (message, extra) => lines.push({ level: "warn", message, extra }),
    },
    describe: (e) => ({ correlationId: e.correlationId }),
    ...opts,
  });
  return {
    store,
    sent,
    lines,
    relay,
    clock,
    refuseWhen: (when: (e: TestEntry) => boolean) => {
      refuse = when;
    },
    /** Moves the clock past the backoff of an entry that failed `attempts` times. */
    waitOutBackoff: (attempts: number) => {
      clock.now += retryDelayMs(opts.policy ?? DEFAULT_RETRY, attempts) + 1;
    },
  };
};

describe("outbox relay", () => {
  it("sends every pending entry, oldest first, and marks each sent", async () => {
    const h = harness();
    h.store.add(entry("b", 2));
    h.store.add(entry("a", 1));

    expect(await h.relay()).toMatchObject({ sent: 2, failed: 0, parked: 0, oldestPendingAgeSeconds: 0 });

    expect(h.sent).toEqual(["a", "b"]);
    expect(h.store.all().map((r) => r.state)).toEqual(["sent", "sent"]);
    expect(await h.relay()).toMatchObject({ sent: 0, failed: 0 });
  });

  it("sends the good entry behind 30 that cannot be sent, in the same run", async () => {
    const h = harness();
    for (let i = 0; i < 30; i++) h.store.add(entry(`stuck-${String(i).padStart(2, "0")}`, i));
    h.store.add(entry("good", 31));
    h.refuseWhen((e) => e.id.startsWith("stuck-"));

    const run = await h.relay();

    expect(h.sent).toEqual(["good"]);
    expect(run).toMatchObject({ sent: 1, failed: 30, parked: 0 });
    expect(h.store.pagesRead).toBeGreaterThan(1);
    // The stuck ones back off: the next run right away tries none of them again.
    expect(await h.relay()).toMatchObject({ sent: 0, failed: 0 });
  });

  it("counts each failure, backs off exponentially, and tries again once the wait is over", async () => {
    const h = harness();
    h.store.add(entry("a"));
    h.refuseWhen(() => true);

    await h.relay();
    expect(h.store.get("a")).toMatchObject({
      state: "pending",
      attempts: 1,
      lastError: "Error: InvalidMessageContents: a",
    });
    const firstRetry = Date.parse(h.store.get("a")?.nextAttemptAt ?? "");
    expect(firstRetry - h.clock.now).toBe(DEFAULT_RETRY.baseDelayMs);

    h.waitOutBackoff(1);
    await h.relay();
    expect(h.store.get("a")).toMatchObject({ attempts: 2 });
    expect(Date.parse(h.store.get("a")?.nextAttemptAt ?? "") - h.clock.now).toBe(
      2 * DEFAULT_RETRY.baseDelayMs,
    );

    h.refuseWhen(() => false);
    await h.relay();
    expect(h.sent).toEqual([]); // still backing off
    h.waitOutBackoff(2);
    expect(await h.relay()).toMatchObject({ sent: 1 });
    expect(h.sent).toEqual(["a"]);
  });

  it("caps the backoff", () => {
    expect(retryDelayMs(DEFAULT_RETRY, 1)).toBe(10_000);
    expect(retryDelayMs(DEFAULT_RETRY, 4)).toBe(80_000);
    expect(retryDelayMs(DEFAULT_RETRY, 9)).toBe(DEFAULT_RETRY.maxDelayMs);
  });

  it("parks an entry after maxAttempts failures, says how to retry it, and an operator's retry sends it", async () => {
    const policy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 };
    const h = harness({ policy });
    h.store.add(entry("poison"));
    h.store.add(entry("fine", 5));
    h.refuseWhen((e) => e.id === "poison");

    await h.relay();
    h.waitOutBackoff(1);
    await h.relay();
    h.waitOutBackoff(2);
    const third = await h.relay();

    expect(third).toMatchObject({ failed: 1, parked: 1, parkedTotal: 1, oldestPendingAgeSeconds: 0 });
    expect(h.store.get("poison")).toMatchObject({ state: "parked", attempts: 3 });
    expect(h.lines).toContainEqual({
      level: "warn",
      message: "outbox entry parked: it will not be retried until an operator does",
      extra: {
        correlationId: "corr-poison",
        eventId: "poison",
        attempts: 3,
        error: "Error: InvalidMessageContents: poison",
        retryWith: "npm run outbox -- retry poison",
      },
    });

    // Parked: no more automatic tries, however long we wait.
    h.waitOutBackoff(10);
    h.refuseWhen(() => false);
    expect(await h.relay()).toMatchObject({ sent: 0, failed: 0, parkedTotal: 1 });

    expect(h.store.retry("poison", new Date(h.clock.now))).toBe(true);
    expect(await h.relay()).toMatchObject({ sent: 1, parkedTotal: 0 });
    expect(h.sent).toEqual(["fine", "poison"]);
  });

  it("drains a backlog bigger than a page in one run", async () => {
    const h = harness({ pageSize: 25 });
    const ids = Array.from({ length: 80 }, (_, i) => `e-${String(i).padStart(2, "0")}`);
    ids.forEach((id, i) => {
      h.store.add(entry(id, i));
    });

    expect(await h.relay()).toMatchObject({ sent: 80 });
    expect(h.sent).toEqual(ids);
  });

  it("also sends entries saved while it runs", async () => {
    const h = harness({ pageSize: 2 });
    h.store.add(entry("a", 1));
    h.store.add(entry("b", 2));
    h.refuseWhen((e) => {
      if (e.id === "b") h.store.add(entry("c", 3)); // a request saved one meanwhile
      return false;
    });

    await h.relay();

    expect(h.sent).toEqual(["a", "b", "c"]);
  });

  it("stops taking entries when its time budget is spent, and the next run goes on", async () => {
    const h = harness({ budgetMs: 10_000 });
    for (let i = 0; i < 20; i++) h.store.add(entry(`e-${String(i).padStart(2, "0")}`, i));
    h.clock.tick = 1000; // every reading of the clock is one second later

    const first = await h.relay();

    expect(first.sent).toBeGreaterThan(0);
    expect(first.sent).toBeLessThan(20);
    let runs = 1;
    while (h.sent.length < 20 && runs < 50) {
      expect((await h.relay()).sent).toBeGreaterThan(0);
      runs++;
    }
    expect(h.sent).toEqual([...new Set(h.sent)]); // each sent once, none skipped
    expect(h.sent).toHaveLength(20);
  });

  it("sends an entry again when marking it sent failed: at least once, never lost", async () => {
    const h = harness();
    h.store.add(entry("a"));
    h.store.failMarkSent();

    expect(await h.relay()).toMatchObject({ sent: 0, failed: 1 });
    expect(h.store.get("a")?.state).toBe("pending");

    h.store.restore();
    expect(await h.relay()).toMatchObject({ sent: 1 });
    expect(h.sent).toEqual(["a", "a"]);
  });

  it("reports the age of the oldest pending entry, in the run and in its log line", async () => {
    const h = harness();
    h.clock.now = T0 + 90_000;
    h.store.add(entry("old", 0));
    h.store.add(entry("new", 60));
    h.refuseWhen(() => true);

    const run = await h.relay();

    expect(run.oldestPendingAgeSeconds).toBe(90);
    expect(h.lines.at(-1)).toEqual({
      level: "info",
      message: "outbox relay run",
      extra: { sent: 0, failed: 2, parked: 0, oldestPendingAgeSeconds: 90, parkedTotal: 0 },
    });
  });

  it("logs nothing when there is nothing to do", async () => {
    const h = harness();

    expect(await h.relay()).toEqual({
      sent: 0,
      failed: 0,
      parked: 0,
      oldestPendingAgeSeconds: 0,
      parkedTotal: 0,
    });
    expect(h.lines).toEqual([]);
  });
});
