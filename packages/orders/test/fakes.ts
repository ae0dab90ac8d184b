import type { OrderPlacedV1 } from "@tiffin/contracts";
import { InMemoryOutbox } from "@tiffin/outbox/testing";
import type { ReplicatedMenu } from "../src/domain/menu-replica";
import type { Order } from "../src/domain/order";
import type {
  FulfillmentSender,
  Log,
  MenuReplicaRepository,
  OrderRepository,
  OutboxEntry,
  RateCheck,
  RateLimiter,
} from "../src/domain/ports";
import { type Limit, windowStartOf } from "../src/domain/rate-limits";

/*
 * In-memory ports for the orders domain. They keep the semantics of the DynamoDB adapters
 * (src/storage/dynamo.ts), because a fake that is kinder than the real table makes tests lie:
 * reads return copies, `placeWithOutbox` is all-or-nothing and answers "duplicate" for a taken
 * idempotency key, the outbox is @tiffin/outbox's in-memory store (oldest first, backoff, parking), the
 * replica never goes backwards, a rate counter never counts past its limit.
 */

const copy = <T>(value: T): T => structuredClone(value);

/** The OrdersTable: orders, idempotency records and outbox entries, written together as DynamoDB does. */
export class InMemoryOrdersTable {
  private readonly orderRows = new Map<string, Order>();
  private readonly idempotencyRows = new Map<string, { orderId: string; requestHash: string }>();
  readonly outbox = new InMemoryOutbox<OutboxEntry>();
  private writeFailure: Error | undefined;
  private contended = 0;

  readonly orders: OrderRepository = {
    get: async (orderId) => {
      const order = this.orderRows.get(orderId);
      return order && copy(order);
    },
    listForCustomer: async (customerId, limit) =>
      [...this.orderRows.values()]
        .filter((o) => o.customerId === customerId)
        .sort((a, b) => b.placedAt.localeCompare(a.placedAt))
        .slice(0, limit)
        .map(copy),
    byIdempotencyKey: async (key) => {
      const row = this.idempotencyRows.get(key);
      const order = row && this.orderRows.get(row.orderId);
      return row && order ? { order: copy(order), requestHash: row.requestHash } : undefined;
    },
    placeWithOutbox: async ({ order, outbox, idempotencyKey, requestHash }) => {
      // Checks and writes run without an `await` in between: the fake transaction is atomic, like DynamoDB's.
      if (this.writeFailure) throw this.writeFailure;
      if (this.contended > 0) {
        this.contended--;
        return "duplicate"; // a twin's transaction holds the key and has not committed: nothing written
      }
      if (this.idempotencyRows.has(idempotencyKey)) return "duplicate";
      if (this.orderRows.has(order.id)) {
        throw new Error(`Transaction cancelled: order ${order.id} already exists`);
      }
      this.idempotencyRows.set(idempotencyKey, { orderId: order.id, requestHash });
      this.orderRows.set(order.id, copy(order));
      this.outbox.add(outbox);
      return "placed";
    },
  };

  /** Every later `placeWithOutbox` throws (the table is unreachable) until `restore()`. */
  failWrites(error = new Error("DynamoDB unavailable")): void {
    this.writeFailure = error;
  }

  /** Every later `markSent` throws until `restore()`: the message went out but is not marked. */
  failMarkSent(error = new Error("DynamoDB unavailable")): void {
    this.outbox.failMarkSent(error);
  }

  /**
   * The next `times` placements answer "duplicate" and write nothing, as DynamoDB does while a twin
   * request's transaction holds the same idempotency key (TransactionConflict / TransactionInProgress).
   */
  contendNext(times: number): void {
    this.contended = times;
  }

  restore(): void {
    this.writeFailure = undefined;
    this.outbox.restore();
  }

  /** Seeds an outbox entry as if a request had saved it and then crashed before sending. */
  seedPending(entry: OutboxEntry): void {
    this.outbox.add(entry);
  }

  allOrders(): Order[] {
    return [...this.orderRows.values()].map(copy);
  }

  allOutbox(): { entry: OutboxEntry; sentAt?: string }[] {
    return this.outbox.all().map(({ entry, sentAt }) => (sentAt ? { entry, sentAt } : { entry }));
  }

  idempotencyKeys(): string[] {
    return [...this.idempotencyRows.keys()];
  }
}

/** The FulfillmentQueue as the producer sees it: records what was sent, and can be told to fail. */
export class RecordingFulfillmentSender implements FulfillmentSender {
  readonly sent: OrderPlacedV1[] = [];
  attempts = 0;
  private failure: { error: Error; when: (event: OrderPlacedV1) => boolean } | undefined;

  async send(event: OrderPlacedV1): Promise<void> {
    this.attempts++;
    if (this.failure?.when(event)) throw this.failure.error;
    this.sent.push(copy(event));
  }

  /** Later sends throw (the queue is down), all of them or those `when` picks, until `recover()`. */
  failWith(error = new Error("SQS unavailable"), when: (event: OrderPlacedV1) => boolean = () => true): void {
    this.failure = { error, when };
  }

  recover(): void {
    this.failure = undefined;
  }
}

/** The menu replica: stores a snapshot only when its revision is newer than the stored one. */
export class InMemoryMenuReplica implements MenuReplicaRepository {
  private readonly menus = new Map<string, ReplicatedMenu>();

  async get(restaurantId: string): Promise<ReplicatedMenu | undefined> {
    const menu = this.menus.get(restaurantId);
    return menu && copy(menu);
  }

  async apply(menu: ReplicatedMenu): Promise<"applied" | "stale"> {
    const stored = this.menus.get(menu.restaurantId);
    if (stored && stored.revision >= menu.revision) return "stale";
    this.menus.set(menu.restaurantId, copy(menu));
    return "applied";
  }
}

export interface LogLine {
  level: "info" | "warn";
  message: string;
  extra: Record<string, unknown>;
}

/** A Log that keeps its lines, so tests can assert what an operator would read. */
export class RecordingLog implements Log {
  readonly lines: LogLine[] = [];

  info(message: string, extra: Record<string, unknown>): void {
    this.lines.push({ level: "info", message, extra });
  }

  warn(message: string, extra: Record<string, unknown>): void {
    this.lines.push({ level: "warn", message, extra });
  }
}

/** Rate counters as the DynamoDB adapter keeps them: one fixed window per key, never past the limit. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { windowStart: number; uses: number }>();

  async take(key: string, limit: Limit, now: Date): Promise<RateCheck> {
    const windowStart = windowStartOf(now, limit);
    const row = this.windows.get(key);
    if (!row || row.windowStart < windowStart) {
      this.windows.set(key, { windowStart, uses: 1 });
      return { ok: true };
    }
    if (row.uses < limit.max) {
      row.uses++;
      return { ok: true };
    }
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, windowStart + limit.windowSeconds - Math.floor(now.getTime() / 1000)),
    };
  }

  async giveBack(key: string, limit: Limit, takenAt: Date): Promise<void> {
    const row = this.windows.get(key);
    if (row && row.windowStart === windowStartOf(takenAt, limit) && row.uses > 0) row.uses--;
  }

  /** Uses counted for `key` in its current window. */
  uses(key: string): number {
    return this.windows.get(key)?.uses ?? 0;
  }
}
