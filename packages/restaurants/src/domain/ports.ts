import type { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import type { OutboxStore } from "@tiffin/outbox";
import type { KitchenTicket } from "./kitchen-ticket";
import type { Restaurant } from "./restaurant";
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
  event: RestaurantCatalogPublishedV1;
  createdAt: string;
}

/** Catalog snapshots not yet published; the relay's rules live in @tiffin/outbox. */
export interface CatalogOutbox extends OutboxStore<CatalogOutboxEntry> {
  /** Saves an entry on its own, replacing one with the same id (a republish of an unchanged catalog). */
  put(entry: CatalogOutboxEntry): Promise<void>;
}

export interface Log {
  info(message: string, extra: Record<string, unknown>): void;
  warn(message: string, extra: Record<string, unknown>): void;
}

export interface TicketRepository {
  /** Creates the ticket unless one exists for the order: "duplicate" means a redelivery. */
  createOnce(ticket: KitchenTicket): Promise<"created" | "duplicate">;
  /**
   * A restaurant's tickets newest first: at most `limit`, starting just after `after` when given. `next` is
   * the position to continue from, present only when older tickets exist.
   */
  listForRestaurant(
    restaurantId: string,
    page: { limit: number; after?: TicketPosition },
  ): Promise<{ tickets: KitchenTicket[]; next?: TicketPosition }>;
}

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
  presignUpload(key: string, opts: { contentType: string; maxBytes: number; expiresSeconds: number }): Promise<PhotoUploadTarget>;
  /** Size and stored content type of an uploaded object, or undefined when nothing was uploaded there. */
  head(key: string): Promise<{ sizeBytes: number; contentType: string } | undefined>;
  /** The object's first `bytes` bytes (all of it when smaller). */
  readStart(key: string, bytes: number): Promise<Uint8Array>;
}
