import type { RestaurantCatalogPublishedV2 } from "@tiffin/contracts";
import { InMemoryOutbox } from "@tiffin/outbox/testing";
import type { KitchenTicket } from "../src/domain/kitchen-ticket";
import type {
  CatalogOutbox,
  CatalogOutboxEntry,
  CatalogPublisher,
  Log,
  RestaurantRepository,
  TicketRepository,
} from "../src/domain/ports";
import type { Restaurant } from "../src/domain/restaurant";
import { positionOf, type TicketPosition } from "../src/domain/ticket-page";

/*
 * In-memory ports for the restaurants domain, with the semantics of the DynamoDB adapters
 * (src/storage/dynamo.ts): reads return copies, the catalog lists by slug, a save only lands on an
 * older revision and writes its catalog outbox entry with it (all or nothing), a ticket is created once
 * per (restaurant, placedAt, order) and listed newest first by sort key, a page at a time.
 */

const copy = <T>(value: T): T => structuredClone(value);

/** The catalog outbox: @tiffin/outbox's in-memory store, plus `put` for a republish. */
export class InMemoryCatalogOutbox extends InMemoryOutbox<CatalogOutboxEntry> implements CatalogOutbox {
  async put(entry: CatalogOutboxEntry): Promise<void> {
    this.add(entry);
  }
}

export class InMemoryRestaurants implements RestaurantRepository {
  private readonly rows = new Map<string, Restaurant>();
  /** Successful saves, so a test can tell "nothing was written". */
  saves = 0;

  constructor(readonly outbox = new InMemoryCatalogOutbox()) {}

  /** Stores a restaurant as it was before the test (no save, no announcement). */
  seed(restaurant: Restaurant): void {
    this.rows.set(restaurant.id, copy(restaurant));
  }

  async list(): Promise<Restaurant[]> {
    return [...this.rows.values()].sort((a, b) => a.slug.localeCompare(b.slug)).map(copy);
  }

  async bySlug(slug: string): Promise<Restaurant | undefined> {
    const found = [...this.rows.values()].find((r) => r.slug === slug);
    return found && copy(found);
  }

  async byId(id: string): Promise<Restaurant | undefined> {
    const found = this.rows.get(id);
    return found && copy(found);
  }

  async save(restaurant: Restaurant, announcement: CatalogOutboxEntry): Promise<boolean> {
    const stored = this.rows.get(restaurant.id);
    if (stored && stored.revision >= restaurant.revision) return false;
    this.rows.set(restaurant.id, copy(restaurant));
    this.outbox.add(announcement);
    this.saves++;
    return true;
  }
}

const ticketKey = (t: Pick<KitchenTicket, "restaurantId" | "placedAt" | "orderId">) =>
  `${t.restaurantId}|TICKET#${t.placedAt}#${t.orderId}`;

export class InMemoryTickets implements TicketRepository {
  private readonly rows = new Map<string, KitchenTicket>();

  async createOnce(ticket: KitchenTicket): Promise<"created" | "duplicate"> {
    const key = ticketKey(ticket);
    if (this.rows.has(key)) return "duplicate";
    this.rows.set(key, copy(ticket));
    return "created";
  }

  async listForRestaurant(
    restaurantId: string,
    { limit, after }: { limit: number; after?: TicketPosition },
  ): Promise<{ tickets: KitchenTicket[]; next?: TicketPosition }> {
    const start = after && ticketKey({ restaurantId, ...after });
    const older = [...this.rows.entries()]
      .filter(([key, t]) => t.restaurantId === restaurantId && (start === undefined || key < start))
      .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
      .map(([, t]) => copy(t));
    const tickets = older.slice(0, limit);
    const last = tickets.at(-1);
    return { tickets, next: older.length > limit && last ? positionOf(last) : undefined };
  }

  all(): KitchenTicket[] {
    return [...this.rows.values()].map(copy);
  }
}

/** The DomainEvents topic as the publisher sees it: records what was published, and can be told to fail. */
export class RecordingCatalogPublisher implements CatalogPublisher {
  readonly published: RestaurantCatalogPublishedV2[] = [];
  private failure: Error | undefined;

  async publish(event: RestaurantCatalogPublishedV2): Promise<void> {
    if (this.failure) throw this.failure;
    this.published.push(copy(event));
  }

  failWith(error = new Error("SNS unavailable")): void {
    this.failure = error;
  }

  recover(): void {
    this.failure = undefined;
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
