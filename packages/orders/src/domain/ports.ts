import type { OrderCancelRequestedV1, OrderPlacedV1, OrderPlacedV2 } from "@tiffin/contracts";
import type { OutboxStore } from "@tiffin/outbox";
import type { ReplicatedMenu } from "./menu-replica";
import type { Order, OrderStatus } from "./order";
import type { Limit } from "./rate-limits";

/** Every event orders emits (through its outbox): order.placed to the kitchen, the rest to the topic. */
export type OrdersEvent = OrderPlacedV1 | OrderPlacedV2 | OrderCancelRequestedV1;

export interface OutboxEntry {
  id: string;
  orderId: string;
  event: OrdersEvent;
  createdAt: string;
}

export interface OrderRepository {
  get(orderId: string): Promise<Order | undefined>;
  /** A customer's orders, newest first. */
  listForCustomer(customerId: string, limit: number): Promise<Order[]>;
  /** The order placed earlier with this idempotency key, and the fingerprint of that request. */
  byIdempotencyKey(key: string): Promise<{ order: Order; requestHash: string } | undefined>;
  /**
   * Saves the order, its idempotency record and its outbox entry in one transaction: all or nothing.
   * "duplicate" when another request holds the idempotency key (a concurrent double submit): it has
   * placed its order, or is placing it right now (the transactions conflicted), so look for that order,
   * and if it is not there yet, try again.
   */
  placeWithOutbox(input: {
    order: Order;
    outbox: OutboxEntry;
    idempotencyKey: string;
    requestHash: string;
  }): Promise<"placed" | "duplicate">;
  /** The order with the revision a transition must be conditional on. */
  getForUpdate(orderId: string): Promise<{ order: Order; revision: number } | undefined>;
  /**
   * Saves the order after a transition, only if it is still at `expected` (status and revision: nobody
   * moved it meanwhile), together with the outbox entry the step emits, if any: all or nothing.
   * "conflict" when the order moved: read it again and decide again.
   */
  saveTransition(input: {
    order: Order;
    expected: { status: OrderStatus; revision: number };
    outbox?: OutboxEntry;
  }): Promise<"saved" | "conflict">;
}

/** Entries saved with their orders and not yet sent; the relay's rules live in @tiffin/outbox. */
export type Outbox = OutboxStore<OutboxEntry>;

export type RateCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counters of recent uses per key (a customer, a restaurant), in fixed windows. */
export interface RateLimiter {
  /** Counts one use of `key` in the window of `limit` that holds `now`, unless that window is full. */
  take(key: string, limit: Limit, now: Date): Promise<RateCheck>;
  /** Gives back a use taken at `takenAt` that placed nothing (a duplicate submit, a failed save). */
  giveBack(key: string, limit: Limit, takenAt: Date): Promise<void>;
}

/** Sends an event where it goes: order.placed to the FulfillmentQueue, the others to DomainEvents. */
export interface EventSender {
  send(event: OrdersEvent): Promise<void>;
}

export interface MenuReplicaRepository {
  get(restaurantId: string): Promise<ReplicatedMenu | undefined>;
  /** Stores the snapshot unless a newer (or the same) revision is already stored. */
  apply(menu: ReplicatedMenu): Promise<"applied" | "stale">;
}

export interface Log {
  info(message: string, extra: Record<string, unknown>): void;
  warn(message: string, extra: Record<string, unknown>): void;
}
