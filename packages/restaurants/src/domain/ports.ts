import type {
  RestaurantCatalogPublishedV2,
  TicketAcceptedV1,
  TicketReadyV1,
  TicketRejectedV1,
  TicketWithdrawnV1,
} from "@tiffin/contracts";
import type { OutboxStore } from "@tiffin/outbox";
import type { KitchenTicket, TicketLane, TicketStatus } from "./kitchen-ticket";
import type { Restaurant } from "./restaurant";
import type { SalesDay, SalesDelta } from "./sales";
import type { TicketPosition } from "./ticket-page";

export interface RestaurantRepository {
  list(): Promise<Restaurant[]>;
  bySlug(slug: string): Promise<Restaurant | undefined>;
  byId(id: string): Promise<Restaurant | undefined>;
  /**
   * Saves the restaurant and the outbox entry announcing its catalog in one transaction, only if the
   * stored revision is older (or absent); returns whether it saved (nothing at all when it did not).
   */
  save(restaurant: Restaurant, announcement: CatalogOutboxEntry): Promise<boolean>;
}

/** A catalog snapshot saved to be published: with the change it announces, or on its own (a republish). */
export interface CatalogOutboxEntry {
  id: string;
  restaurantId: string;
  event: RestaurantCatalogPublishedV2;
  createdAt: string;
}

/** The kitchen's answers to orders, for the DomainEvents topic. */
export type TicketEvent = TicketAcceptedV1 | TicketRejectedV1 | TicketReadyV1 | TicketWithdrawnV1;

/** A ticket event saved in the same transaction as the ticket step it announces. */
export interface TicketOutboxEntry {
  id: string;
  restaurantId: string;
  event: TicketEvent;
  createdAt: string;
}

/** Everything the restaurants outbox holds: one relay publishes both kinds to the DomainEvents topic. */
export type RestaurantsOutboxEntry = CatalogOutboxEntry | TicketOutboxEntry;

/** Catalog snapshots and ticket events not yet published; the relay's rules live in @tiffin/outbox. */
export interface CatalogOutbox extends OutboxStore<RestaurantsOutboxEntry> {
  /** Saves an entry on its own, replacing one with the same id (a republish of an unchanged catalog). */
  put(entry: CatalogOutboxEntry): Promise<void>;
}

export interface Log {
  info(message: string, extra: Record<string, unknown>): void;
  warn(message: string, extra: Record<string, unknown>): void;
}

/** What is stored for an order: its ticket, or the tombstone of an order withdrawn before it arrived. */
export type StoredTicket =
  | { kind: "ticket"; ticket: KitchenTicket }
  | { kind: "tombstone"; withdrawnAt: string };

/** A new ticket whose answer time has passed. */
export interface DueTicket {
  restaurantId: string;
  orderId: string;
  answerBy: string;
}

/** Which tickets a page lists: one lane of the board (done: of one day), or all of them. */
export type TicketListing =
  | { lane?: undefined }
  | { lane: Exclude<TicketLane, "done"> }
  | { lane: "done"; day: string };

export interface TicketRepository {
  /**
   * Creates the ticket (new, due at `answerBy`) unless anything is stored for the order: "duplicate"
   * means a redelivery, or an order withdrawn before its ticket arrived (a tombstone).
   */
  createOnce(ticket: KitchenTicket): Promise<"created" | "duplicate">;
  /**
   * A restaurant's tickets newest first: at most `limit`, starting just after `after` when given. `next` is
   * the position to continue from, present only when older tickets exist.
   */
  listForRestaurant(
    restaurantId: string,
    page: { limit: number; after?: TicketPosition } & TicketListing,
  ): Promise<{ tickets: KitchenTicket[]; next?: TicketPosition }>;
  find(restaurantId: string, orderId: string): Promise<StoredTicket | undefined>;
  /**
   * Stores `next` only if the stored ticket's status is still `from`, together with the event announcing
   * the step and the day's sales change, if any (one transaction). False, with nothing written, when the status
   * was no longer `from` (another step won) or the write collided with one.
   */
  transition(
    next: KitchenTicket,
    from: TicketStatus,
    effects: { announcement: TicketOutboxEntry; sales?: SalesDelta },
  ): Promise<boolean>;
  /**
   * Records that the order was withdrawn before its ticket arrived (so the late order.placed creates
   * nothing), with its announcement; only if nothing is stored for the order yet, else false.
   */
  tombstone(
    ref: { restaurantId: string; orderId: string; withdrawnAt: string },
    announcement: TicketOutboxEntry,
  ): Promise<boolean>;
  /** New tickets whose answerBy is before `now`, oldest first, a page at a time (never the whole table). */
  due(now: Date, page: { limit: number; after?: unknown }): Promise<{ due: DueTicket[]; next?: unknown }>;
  /** The stored sales days of a restaurant from `fromDay` to `toDay` (inclusive). */
  salesDays(restaurantId: string, fromDay: string, toDay: string): Promise<SalesDay[]>;
}

/** Publishes to the DomainEvents topic: catalog snapshots and ticket events. */
export interface CatalogPublisher {
  publish(event: RestaurantCatalogPublishedV2 | TicketEvent): Promise<void>;
}

/** A presigned upload: the browser sends the file straight to the bucket (a form POST with these fields). */
export interface PhotoUploadTarget {
  url: string;
  fields: Record<string, string>;
}

/** The bucket menu photos live in (S3; fauxqs locally). */
export interface PhotoStore {
  /**
   * Presigns a form upload of one object at `key`, limited to `contentType` and at most `maxBytes` (the
   * bucket enforces both on AWS; `attachPhoto` checks them again, everywhere).
   */
  presignUpload(
    key: string,
    opts: { contentType: string; maxBytes: number; expiresSeconds: number },
  ): Promise<PhotoUploadTarget>;
  /** Size and stored content type of an uploaded object, or undefined when nothing was uploaded there. */
  head(key: string): Promise<{ sizeBytes: number; contentType: string } | undefined>;
  /** The object's first `bytes` bytes (all of it when smaller). */
  readStart(key: string, bytes: number): Promise<Uint8Array>;
}
