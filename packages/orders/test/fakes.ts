import type { OrderPlacedV1 } from "@tiffin/contracts";
import type { ReplicatedMenu } from "../src/domain/menu-replica";
import type { Order } from "../src/domain/order";
import type {
  FulfillmentSender,
  Log,
  MenuReplicaRepository,
  OrderRepository,
  Outbox,
  OutboxEntry,
} from "../src/domain/ports";

/*
 * In-memory ports for the orders domain. They keep the semantics of the DynamoDB adapters
 * (src/storage/dynamo.ts), because a fake that is kinder than the real table makes tests lie:
 * reads return copies, `placeWithOutbox` is all-or-nothing and answers "duplicate" for a taken
 * idempotency key, the outbox lists unsent entries oldest first, the replica never goes backwards.
 */

const copy = <T>(value: T): T => structuredClone(value);

interface StoredOutboxEntry {
  entry: OutboxEntry;
  sentAt?: string;
}

/** The OrdersTable: orders, idempotency records and outbox entries, written together as DynamoDB does. */
export class InMemoryOrdersTable {
  private readonly orderRows = new Map<string, Order>();
  private readonly idempotencyRows = new Map<string, { orderId: string; requestHash: string }>();
  private readonly outboxRows = new Map<string, StoredOutboxEntry>();
  private writeFailure: Error | undefined;
  private markSentFailure: Error | undefined;

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
      if (this.idempotencyRows.has(idempotencyKey)) return "duplicate";
      if (this.orderRows.has(order.id)) {
        throw new Error(`Transaction cancelled: order ${order.id} already exists`);
      }
      this.idempotencyRows.set(idempotencyKey, { orderId: order.id, requestHash });
      this.orderRows.set(order.id, copy(order));
      this.outboxRows.set(outboxKey(outbox), { entry: copy(outbox) });
      return "placed";
    },
  };

  readonly outbox: Outbox = {
    pending: async (limit) =>
      [...this.outboxRows.values()]
        .filter((row) => row.sentAt === undefined)
        .sort((a, b) => a.entry.createdAt.localeCompare(b.entry.createdAt))
        .slice(0, limit)
        .map((row) => copy(row.entry)),
    markSent: async (entry, sentAt) => {
      if (this.markSentFailure) throw this.markSentFailure;
      const row = this.outboxRows.get(outboxKey(entry));
      if (row) row.sentAt = sentAt.toISOString();
    },
  };

  /** Every later `placeWithOutbox` throws (the table is unreachable) until `restore()`. */
  failWrites(error = new Error("DynamoDB unavailable")): void {
    this.writeFailure = error;
  }

  /** Every later `markSent` throws until `restore()`: the message went out but is not marked. */
  failMarkSent(error = new Error("DynamoDB unavailable")): void {
    this.markSentFailure = error;
  }

  restore(): void {
    this.writeFailure = undefined;
    this.markSentFailure = undefined;
  }

  /** Seeds an outbox entry as if a request had saved it and then crashed before sending. */
  seedPending(entry: OutboxEntry): void {
    this.outboxRows.set(outboxKey(entry), { entry: copy(entry) });
  }

  allOrders(): Order[] {
    return [...this.orderRows.values()].map(copy);
  }

  allOutbox(): { entry: OutboxEntry; sentAt?: string }[] {
    return [...this.outboxRows.values()].map(copy);
  }

  idempotencyKeys(): string[] {
    return [...this.idempotencyRows.keys()];
  }
}

const outboxKey = (entry: Pick<OutboxEntry, "orderId" | "id">) => `${entry.orderId}|${entry.id}`;

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
