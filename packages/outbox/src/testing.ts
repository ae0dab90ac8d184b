import type { OutboxEntry, OutboxStore, PendingEntry, SendFailure } from "./relay";

/** One stored entry as the fake keeps it: the same fields the DynamoDB adapter stores. */
export interface StoredEntry<T extends OutboxEntry> {
  entry: T;
  state: "pending" | "parked" | "sent";
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
  sentAt?: string;
}

const copy = <V>(value: V): V => structuredClone(value);
const position = (e: OutboxEntry) => `${e.createdAt}|${e.id}`;

/**
 * The outbox as the DynamoDB adapter (src/dynamo.ts) keeps it, in memory for domain tests, and exactly
 * as strict: reads hand out copies, pending entries come oldest first, and a page's `limit` counts the
 * entries it looked at before leaving out those not yet due (DynamoDB's Limit applies before its
 * filter), so a relay that does not follow `next` misses entries here as it would there.
 */
export class InMemoryOutbox<T extends OutboxEntry> implements OutboxStore<T> {
  private readonly rows = new Map<string, StoredEntry<T>>();
  private markSentFailure: Error | undefined;
  /** Pages read, so a test can see that the relay paged. */
  pagesRead = 0;

  /** Saves a new pending entry, as the service's transaction does. */
  add(entry: T): void {
    this.rows.set(entry.id, {
      entry: copy(entry),
      state: "pending",
      attempts: 0,
      nextAttemptAt: entry.createdAt,
    });
  }

  async due(now: Date, page: { limit: number; after?: unknown }) {
    this.pagesRead++;
    const pending = [...this.rows.values()]
      .filter((r) => r.state === "pending")
      .sort((a, b) => position(a.entry).localeCompare(position(b.entry)))
      .filter((r) => typeof page.after !== "string" || position(r.entry) > page.after);
    const looked = pending.slice(0, page.limit);
    const entries: PendingEntry<T>[] = looked
      .filter((r) => r.nextAttemptAt <= now.toISOString())
      .map((r) => ({ entry: copy(r.entry), attempts: r.attempts }));
    const last = looked.at(-1);
    return { entries, next: pending.length > page.limit && last ? position(last.entry) : undefined };
  }

  async markSent(entry: T, sentAt: Date): Promise<void> {
    if (this.markSentFailure) throw this.markSentFailure;
    const row = this.rows.get(entry.id);
    if (row?.state === "pending") {
      row.state = "sent";
      row.sentAt = sentAt.toISOString();
    }
  }

  async markFailed(entry: T, failure: SendFailure): Promise<void> {
    const row = this.rows.get(entry.id);
    if (row?.state !== "pending") return;
    row.attempts = failure.attempts;
    row.lastError = failure.error;
    if (failure.retryAt) row.nextAttemptAt = failure.retryAt.toISOString();
    else row.state = "parked";
  }

  async oldestPendingCreatedAt(): Promise<string | undefined> {
    return [...this.rows.values()]
      .filter((r) => r.state === "pending")
      .map((r) => r.entry.createdAt)
      .sort()[0];
  }

  async parkedCount(): Promise<number> {
    return [...this.rows.values()].filter((r) => r.state === "parked").length;
  }

  /** An operator's retry: the entry is pending and due at `now`, its attempts forgotten. */
  retry(id: string, now: Date): boolean {
    const row = this.rows.get(id);
    if (!row || row.state === "sent") return false;
    Object.assign(row, { state: "pending", attempts: 0, nextAttemptAt: now.toISOString() });
    return true;
  }

  /** Every later `markSent` throws until `restore()`: the message went out but is not marked. */
  failMarkSent(error = new Error("DynamoDB unavailable")): void {
    this.markSentFailure = error;
  }

  restore(): void {
    this.markSentFailure = undefined;
  }

  all(): StoredEntry<T>[] {
    return [...this.rows.values()].map(copy);
  }

  get(id: string): StoredEntry<T> | undefined {
    const row = this.rows.get(id);
    return row && copy(row);
  }

  /** Unsent entries (pending or parked), oldest first. */
  unsent(): T[] {
    return [...this.rows.values()]
      .filter((r) => r.state !== "sent")
      .sort((a, b) => position(a.entry).localeCompare(position(b.entry)))
      .map((r) => copy(r.entry));
  }
}
