/**
 * The outbox relay, shared by every service that announces its changes with events. Plain TypeScript:
 * the store and the sender are ports, so the relay's rules are tested with fakes.
 *
 * An entry is saved in the same transaction as the change it announces, then sent. Whatever is still
 * pending (the request crashed, the queue was down, the message was refused) is sent by the relay, which
 * runs on a schedule. Rules:
 *   - oldest first, a page at a time, and past failures: an entry that cannot be sent never blocks the rest;
 *   - each failure is counted and pushes the entry's next try out exponentially (`retryDelayMs`);
 *   - after `maxAttempts` failures the entry is parked: no more automatic tries, and an operator sees it
 *     (`npm run outbox -- list`) and sends it again once the cause is fixed (`retry <id>`);
 *   - a run keeps draining until nothing due is left or its time budget is spent;
 *   - every run reports the age of the oldest pending entry, the number to alarm on.
 * Delivery is at least once (a send whose "sent" mark failed is sent again); consumers are idempotent.
 */

export interface OutboxEntry {
  /** The event's id: unique per entry. */
  id: string;
  createdAt: string;
}

export interface PendingEntry<T extends OutboxEntry> {
  entry: T;
  /** Failed sends so far. */
  attempts: number;
}

export interface SendFailure {
  /** Failed sends, this one included. */
  attempts: number;
  error: string;
  failedAt: Date;
  /** When to try again; undefined parks the entry. */
  retryAt: Date | undefined;
}

export interface OutboxStore<T extends OutboxEntry> {
  /**
   * One page of the pending entries that are due at `now` (never tried, or whose backoff has passed),
   * oldest first. `next` continues after this page; undefined when there is no more.
   */
  due(
    now: Date,
    page: { limit: number; after?: unknown },
  ): Promise<{ entries: PendingEntry<T>[]; next?: unknown }>;
  markSent(entry: T, sentAt: Date): Promise<void>;
  markFailed(entry: T, failure: SendFailure): Promise<void>;
  /** When the oldest entry still waiting to be sent was saved (parked ones aside). */
  oldestPendingCreatedAt(): Promise<string | undefined>;
  parkedCount(): Promise<number>;
}

export interface RetryPolicy {
  /** Failed sends before an entry is parked. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** About 75 minutes of retrying (10 s, 20 s, … capped at 30 min) before an operator is needed. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 10_000, maxDelayMs: 30 * 60_000 };
export const RELAY_PAGE = 25;
/** A scheduled Lambda gets 20 s by default; stop taking new entries well before that. */
export const RELAY_BUDGET_MS = 15_000;

export const retryDelayMs = (policy: RetryPolicy, attempts: number): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));

export interface RelayLog {
  info(message: string, extra: Record<string, unknown>): void;
  warn(message: string, extra: Record<string, unknown>): void;
}

export interface RelayDeps<T extends OutboxEntry> {
  store: OutboxStore<T>;
  send: (entry: T) => Promise<void>;
  now: () => Date;
  log: RelayLog;
  /** Log fields that identify an entry to an operator (its order, its correlation id). */
  describe: (entry: T) => Record<string, unknown>;
  policy?: RetryPolicy;
  pageSize?: number;
  budgetMs?: number;
}

export interface RelayRun {
  sent: number;
  /** Sends that failed this run (parked ones included). */
  failed: number;
  /** Entries parked this run. */
  parked: number;
  /** Seconds since the oldest entry still pending was saved; 0 when nothing is pending. */
  oldestPendingAgeSeconds: number;
  /** Entries waiting for an operator. */
  parkedTotal: number;
}

/** Sends one entry, then marks it sent. If marking fails it is sent again later: consumers are idempotent. */
export const sendEntry = async <T extends OutboxEntry>(
  deps: Pick<RelayDeps<T>, "store" | "send" | "now">,
  entry: T,
): Promise<void> => {
  await deps.send(entry);
  await deps.store.markSent(entry, deps.now());
};

const errorText = (error: unknown) => String(error).slice(0, 500);

export const createRelay =
  <T extends OutboxEntry>(deps: RelayDeps<T>) =>
  async (): Promise<RelayRun> => {
    const policy = deps.policy ?? DEFAULT_RETRY;
    const pageSize = deps.pageSize ?? RELAY_PAGE;
    const budgetMs = deps.budgetMs ?? RELAY_BUDGET_MS;
    const startedAt = deps.now().getTime();
    const outOfTime = () => deps.now().getTime() - startedAt >= budgetMs;
    // Each entry is tried at most once per run, so a run ends even if the store ignores backoff.
    const tried = new Set<string>();
    let sent = 0;
    let failed = 0;
    let parked = 0;

    const attempt = async ({ entry, attempts }: PendingEntry<T>) => {
      try {
        await deps.send(entry);
      } catch (error) {
        failed++;
        const now = deps.now();
        const total = attempts + 1;
        const park = total >= policy.maxAttempts;
        const retryAt = park ? undefined : new Date(now.getTime() + retryDelayMs(policy, total));
        try {
          await deps.store.markFailed(entry, {
            attempts: total,
            error: errorText(error),
            failedAt: now,
            retryAt,
          });
        } catch (markError) {
          deps.log.warn("outbox failure not recorded; the entry stays due", {
            ...deps.describe(entry),
            error: errorText(markError),
          });
        }
        if (park) {
          parked++;
          deps.log.warn("outbox entry parked: it will not be retried until an operator does", {
            ...deps.describe(entry),
            eventId: entry.id,
            attempts: total,
            error: errorText(error),
            retryWith: `npm run outbox -- retry ${entry.id}`,
          });
        } else {
          deps.log.warn("outbox entry not sent; will retry", {
            ...deps.describe(entry),
            attempts: total,
            retryAt: retryAt?.toISOString(),
            error: errorText(error),
          });
        }
        return;
      }
      try {
        await deps.store.markSent(entry, deps.now());
        sent++;
        deps.log.info("outbox entry relayed", { ...deps.describe(entry), eventId: entry.id });
      } catch (error) {
        // Sent but not marked: it stays due and goes out again; the consumer's idempotency absorbs it.
        failed++;
        deps.log.warn("outbox entry sent but not marked sent; it will be sent again", {
          ...deps.describe(entry),
          error: errorText(error),
        });
      }
    };

    // Passes over the due entries until one finds nothing new: entries saved meanwhile are drained too.
    drain: for (;;) {
      let fresh = 0;
      let after: unknown;
      do {
        if (outOfTime()) break drain;
        const page = await deps.store.due(deps.now(), { limit: pageSize, after });
        for (const pending of page.entries) {
          if (tried.has(pending.entry.id)) continue;
          if (outOfTime()) break drain;
          tried.add(pending.entry.id);
          fresh++;
          await attempt(pending);
        }
        after = page.next;
      } while (after !== undefined);
      if (fresh === 0) break;
    }

    const oldest = await deps.store.oldestPendingCreatedAt();
    const oldestPendingAgeSeconds = oldest
      ? Math.max(0, Math.floor((deps.now().getTime() - Date.parse(oldest)) / 1000))
      : 0;
    const parkedTotal = await deps.store.parkedCount();
    const run = { sent, failed, parked, oldestPendingAgeSeconds, parkedTotal };
    // Quiet runs (nothing pending, nothing done) are not logged: locally the relay runs every 2 s.
    if (sent || failed || oldest || parkedTotal) deps.log.info("outbox relay run", run);
    return run;
  };
