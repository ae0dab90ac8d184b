import { InMemoryOutbox } from "@tiffin/outbox/testing";
import type { ReplicatedMenu } from "../src/domain/menu-replica";
import type { Order, OrderStatus } from "../src/domain/order";
import type { PaymentProvider } from "../src/domain/payments";
import type {
  EventSender,
  MenuReplicaRepository,
  OrderRepository,
  OrdersEvent,
  OutboxEntry,
  RateCheck,
  RateLimiter,
} from "../src/domain/ports";
import { type Limit, windowStartOf } from "../src/domain/rate-limits";
import {
  type IntentStore,
  type StoredIntent,
  type StoredRefund,
  simulatedPaymentProvider,
} from "../src/payments/simulated-provider";

/*
 * In-memory ports for the orders domain. They keep the semantics of the DynamoDB adapters
 * (src/storage/dynamo.ts), because a fake that is kinder than the real table makes tests lie:
 * reads return copies, `placeWithOutbox` is all-or-nothing and answers "duplicate" for a taken
 * idempotency key, a transition is saved only if the order is still at the status and revision it was
 * decided from, the outbox is @tiffin/outbox's in-memory store (oldest first, backoff, parking), the
 * replica never goes backwards, a rate counter never counts past its limit, a payment intent changes
 * only at the version it was read at.
 */

const copy = <T>(value: T): T => structuredClone(value);

/** The OrdersTable: orders, idempotency records and outbox entries, written together as DynamoDB does. */
export class InMemoryOrdersTable {
  private readonly orderRows = new Map<string, Order>();
  private readonly revisions = new Map<string, number>();
  /** Called inside `saveTransition` before it checks: lets a test move the order under a writer's feet. */
  beforeTransitionWrite: ((orderId: string) => void) | undefined;
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
      this.revisions.set(order.id, 0);
      this.outbox.add(outbox);
      return "placed";
    },
    getForUpdate: async (orderId) => {
      const order = this.orderRows.get(orderId);
      return order && { order: copy(order), revision: this.revisions.get(orderId) ?? 0 };
    },
    saveTransition: async ({ order, expected, outbox }) => {
      if (this.writeFailure) throw this.writeFailure;
      this.beforeTransitionWrite?.(order.id);
      const stored = this.orderRows.get(order.id);
      const revision = this.revisions.get(order.id) ?? 0;
      if (!stored || stored.status !== expected.status || revision !== expected.revision) return "conflict";
      if (outbox && this.outbox.all().some((e) => e.entry.id === outbox.id)) return "conflict";
      this.orderRows.set(order.id, copy(order));
      this.revisions.set(order.id, revision + 1);
      if (outbox) this.outbox.add(outbox);
      return "saved";
    },
  };

  /** Seeds an order as if it had been placed (and moved) earlier. */
  seedOrder(order: Order): void {
    this.orderRows.set(order.id, copy(order));
    this.revisions.set(order.id, this.revisions.get(order.id) ?? 0);
  }

  /** Moves a stored order behind everyone's back (another writer), bumping its revision. */
  forceStatus(orderId: string, status: OrderStatus): void {
    const order = this.orderRows.get(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    this.orderRows.set(orderId, { ...order, status });
    this.revisions.set(orderId, (this.revisions.get(orderId) ?? 0) + 1);
  }

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

/**
 * Where orders' events go (FulfillmentQueue, DomainEvents) as the producer sees it: records what was sent,
 * and can be told to fail.
 */
export class RecordingFulfillmentSender implements EventSender {
  readonly sent: OrdersEvent[] = [];
  attempts = 0;
  private failure: { error: Error; when: (event: OrdersEvent) => boolean } | undefined;

  /** The order.placed events sent, in order. */
  get placed(): Extract<OrdersEvent, { type: "order.placed" }>[] {
    return this.sent.filter((e) => e.type === "order.placed");
  }

  async send(event: OrdersEvent): Promise<void> {
    this.attempts++;
    if (this.failure?.when(event)) throw this.failure.error;
    this.sent.push(copy(event));
  }

  /** Later sends throw (the queue is down), all of them or those `when` picks, until `recover()`. */
  failWith(error = new Error("SQS unavailable"), when: (event: OrdersEvent) => boolean = () => true): void {
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

/** The shared recording Log (it satisfies this service's Log port). */
export { type LogLine, RecordingLog } from "@tiffin/kit/testing";

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

/**
 * The simulated provider's records as the DynamoDB adapter keeps them (storage/payment-intents.ts):
 * create-if-absent, updates only at the version read, a refund and its intent written together.
 */
export class InMemoryIntentStore implements IntentStore {
  readonly intents = new Map<string, StoredIntent>();
  readonly refunds = new Map<string, StoredRefund>();
  private readonly failed = new Set<string>();

  async getIntent(id: string): Promise<StoredIntent | undefined> {
    const intent = this.intents.get(id);
    return intent && copy(intent);
  }

  async createIntent(intent: StoredIntent): Promise<"created" | "exists"> {
    if (this.intents.has(intent.id)) return "exists";
    this.intents.set(intent.id, copy(intent));
    return "created";
  }

  async updateIntent(intent: StoredIntent, expectedVersion: number): Promise<"updated" | "conflict"> {
    if (this.intents.get(intent.id)?.version !== expectedVersion) return "conflict";
    this.intents.set(intent.id, copy(intent));
    return "updated";
  }

  async getRefund(id: string): Promise<StoredRefund | undefined> {
    const refund = this.refunds.get(id);
    return refund && copy(refund);
  }

  async recordRefund(
    refund: StoredRefund,
    intent: StoredIntent,
    expectedVersion: number,
  ): Promise<"recorded" | "conflict"> {
    if (this.refunds.has(refund.id) || this.intents.get(intent.id)?.version !== expectedVersion)
      return "conflict";
    this.refunds.set(refund.id, copy(refund));
    this.intents.set(intent.id, copy(intent));
    return "recorded";
  }

  async firstFailure(key: string): Promise<boolean> {
    if (this.failed.has(key)) return false;
    this.failed.add(key);
    return true;
  }
}

export interface ProviderCall {
  method: "authorize" | "capture" | "void" | "refund";
  idempotencyKey: string;
  amountCents?: number;
  outcome: "ok" | string;
}

/** The simulated provider over an InMemoryIntentStore, recording every call and how it ended. */
export class RecordingPaymentProvider implements PaymentProvider {
  readonly store = new InMemoryIntentStore();
  readonly calls: ProviderCall[] = [];
  private readonly inner: PaymentProvider;

  constructor(now: () => Date = () => new Date("2026-11-27T18:30:00.000Z")) {
    this.inner = simulatedPaymentProvider(this.store, now);
  }

  private async record<T>(call: Omit<ProviderCall, "outcome">, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.calls.push({ ...call, outcome: "ok" });
      return result;
    } catch (error) {
      this.calls.push({ ...call, outcome: error instanceof Error ? error.name : String(error) });
      throw error;
    }
  }

  authorize(req: Parameters<PaymentProvider["authorize"]>[0]) {
    const { idempotencyKey, amountCents } = req;
    return this.record({ method: "authorize", idempotencyKey, amountCents }, () => this.inner.authorize(req));
  }

  capture(req: Parameters<PaymentProvider["capture"]>[0]) {
    const { idempotencyKey, amountCents } = req;
    return this.record({ method: "capture", idempotencyKey, amountCents }, () => this.inner.capture(req));
  }

  void(req: Parameters<PaymentProvider["void"]>[0]) {
    return this.record({ method: "void", idempotencyKey: req.idempotencyKey }, () => this.inner.void(req));
  }

  refund(req: Parameters<PaymentProvider["refund"]>[0]) {
    const { idempotencyKey, amountCents } = req;
    return this.record({ method: "refund", idempotencyKey, amountCents }, () => this.inner.refund(req));
  }

  /** The one intent a test's order holds (fails if there is not exactly one). */
  onlyIntent(): StoredIntent {
    const all = [...this.store.intents.values()];
    if (all.length !== 1) throw new Error(`expected one payment intent, found ${all.length}`);
    return all[0] as StoredIntent;
  }
}
