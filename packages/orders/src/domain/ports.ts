import type { OrderPlacedV1 } from "@tiffin/contracts";
import type { ReplicatedMenu } from "./menu-replica";
import type { Order } from "./order";

export interface OutboxEntry {
  id: string;
  orderId: string;
  event: OrderPlacedV1;
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
   * "duplicate" when the idempotency key was taken meanwhile (a concurrent double submit).
   */
  placeWithOutbox(input: {
    order: Order;
    outbox: OutboxEntry;
    idempotencyKey: string;
    requestHash: string;
  }): Promise<"placed" | "duplicate">;
}

export interface Outbox {
  /** Entries saved but not yet sent, oldest first. */
  pending(limit: number): Promise<OutboxEntry[]>;
  markSent(entry: OutboxEntry, sentAt: Date): Promise<void>;
}

export interface FulfillmentSender {
  send(event: OrderPlacedV1): Promise<void>;
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
