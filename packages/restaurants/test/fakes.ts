import type { RestaurantCatalogPublishedV2 } from "@tiffin/contracts";
import { InMemoryOutbox } from "@tiffin/outbox/testing";
import { type KitchenTicket, laneOf, type TicketStatus } from "../src/domain/kitchen-ticket";
import type {
  CatalogOutbox,
  CatalogOutboxEntry,
  CatalogPublisher,
  DueTicket,
  RestaurantRepository,
  RestaurantsOutboxEntry,
  StoredTicket,
  TicketEvent,
  TicketListing,
  TicketOutboxEntry,
  TicketRepository,
} from "../src/domain/ports";
import type { Restaurant } from "../src/domain/restaurant";
import { applySalesDelta, emptySalesDay, type SalesDay, type SalesDelta } from "../src/domain/sales";
import { positionOf, type TicketPosition } from "../src/domain/ticket-page";

/*
 * In-memory ports for the restaurants domain, with the semantics of the DynamoDB adapters
 * (src/storage/dynamo.ts): reads return copies, the catalog lists by slug, a save only lands on an
 * older revision and writes its catalog outbox entry with it (all or nothing); tickets: see InMemoryTickets.
 */

const copy = <T>(value: T): T => structuredClone(value);

/** The outbox: @tiffin/outbox's in-memory store, plus `put` for a republish. */
export class InMemoryCatalogOutbox extends InMemoryOutbox<RestaurantsOutboxEntry> implements CatalogOutbox {
  async put(entry: CatalogOutboxEntry): Promise<void> {
    this.add(entry);
  }

  /** Unsent catalog snapshots only (ticket events aside), oldest first. */
  unsentCatalog(): CatalogOutboxEntry[] {
    return this.unsent().filter(
      (e): e is CatalogOutboxEntry => e.event.type === "restaurant.catalog-published",
    );
  }

  /** Unsent ticket events only, oldest first. */
  unsentTicketEvents(): TicketEvent[] {
    return this.unsent().flatMap((e) => (e.event.type === "restaurant.catalog-published" ? [] : [e.event]));
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

/** The DynamoDB sort key's order: newest placedAt first, ties by order id (descending). */
const positionKey = (t: TicketPosition) => `${t.placedAt}#${t.orderId}`;

/**
 * Tickets as storage/tickets.ts keeps them: one anchor per order (a ticket, or a withdrawn tombstone),
 * created once; each step a check-and-set on the status, written with its outbox entry and its sales day
 * (all or nothing); the timer's due list holds new tickets only.
 */
export class InMemoryTickets implements TicketRepository {
  private readonly rows = new Map<string, KitchenTicket>();
  private readonly tombstones = new Map<string, string>();
  private readonly sales = new Map<string, SalesDay>();
  private collisions = 0;

  constructor(readonly outbox: InMemoryCatalogOutbox = new InMemoryCatalogOutbox()) {}

  private key(restaurantId: string, orderId: string) {
    return `${restaurantId}|${orderId}`;
  }

  private addSales(restaurantId: string, delta: SalesDelta) {
    const key = `${restaurantId}|${delta.day}`;
    this.sales.set(key, applySalesDelta(this.sales.get(key) ?? emptySalesDay(delta.day), delta));
  }

  async createOnce(ticket: KitchenTicket): Promise<"created" | "duplicate"> {
    const key = this.key(ticket.restaurantId, ticket.orderId);
    if (this.rows.has(key) || this.tombstones.has(key)) return "duplicate";
    this.rows.set(key, copy(ticket));
    return "created";
  }

  async listForRestaurant(
    restaurantId: string,
    page: { limit: number; after?: TicketPosition } & TicketListing,
  ): Promise<{ tickets: KitchenTicket[]; next?: TicketPosition }> {
    const start = page.after && positionKey(page.after);
    const older = [...this.rows.values()]
      .filter((t) => t.restaurantId === restaurantId)
      .filter((t) => {
        if (page.lane === undefined) return true;
        if (laneOf(t.status) !== page.lane) return false;
        return page.lane !== "done" || (t.closedDay ?? t.salesDay) === page.day;
      })
      .filter((t) => start === undefined || positionKey(t) < start)
      .sort((a, b) => (positionKey(a) < positionKey(b) ? 1 : positionKey(a) > positionKey(b) ? -1 : 0))
      .map(copy);
    const tickets = older.slice(0, page.limit);
    const last = tickets.at(-1);
    return { tickets, next: older.length > page.limit && last ? positionOf(last) : undefined };
  }

  async find(restaurantId: string, orderId: string): Promise<StoredTicket | undefined> {
    const key = this.key(restaurantId, orderId);
    const withdrawnAt = this.tombstones.get(key);
    if (withdrawnAt) return { kind: "tombstone", withdrawnAt };
    const ticket = this.rows.get(key);
    return ticket && { kind: "ticket", ticket: copy(ticket) };
  }

  async transition(
    next: KitchenTicket,
    from: TicketStatus,
    effects: { announcement: TicketOutboxEntry; sales?: SalesDelta },
  ): Promise<boolean> {
    if (this.collisions > 0) {
      this.collisions--;
      return false;
    }
    const key = this.key(next.restaurantId, next.orderId);
    if (this.rows.get(key)?.status !== from) return false;
    this.rows.set(key, copy(next));
    this.outbox.add(effects.announcement);
    if (effects.sales) this.addSales(next.restaurantId, effects.sales);
    return true;
  }

  async tombstone(
    ref: { restaurantId: string; orderId: string; withdrawnAt: string },
    announcement: TicketOutboxEntry,
  ): Promise<boolean> {
    const key = this.key(ref.restaurantId, ref.orderId);
    if (this.rows.has(key) || this.tombstones.has(key)) return false;
    this.tombstones.set(key, ref.withdrawnAt);
    this.outbox.add(announcement);
    return true;
  }

  /** Pages of the due list, oldest answer time first; `after` is the last answer time and key seen. */
  async due(
    now: Date,
    page: { limit: number; after?: unknown },
  ): Promise<{ due: DueTicket[]; next?: unknown }> {
    const all = [...this.rows.values()]
      .filter((t) => t.status === "new" && t.answerBy <= now.toISOString())
      .map((t) => ({ sort: `${t.answerBy}#${t.restaurantId}#${t.orderId}`, t }))
      .sort((a, b) => a.sort.localeCompare(b.sort))
      .filter((d) => typeof page.after !== "string" || d.sort > page.after);
    const slice = all.slice(0, page.limit);
    const last = slice.at(-1);
    return {
      due: slice.map(({ t }) => ({ restaurantId: t.restaurantId, orderId: t.orderId, answerBy: t.answerBy })),
      next: all.length > page.limit && last ? last.sort : undefined,
    };
  }

  async salesDays(restaurantId: string, fromDay: string, toDay: string): Promise<SalesDay[]> {
    return [...this.sales.entries()]
      .filter(([key, d]) => key.startsWith(`${restaurantId}|`) && d.day >= fromDay && d.day <= toDay)
      .map(([, d]) => copy(d));
  }

  /** The next `n` steps collide with another write (the store says no without looking at the status). */
  collideNext(n = 1): void {
    this.collisions = n;
  }

  /** Stores a ticket as it was before the test (no event, no sales). */
  seed(ticket: KitchenTicket): void {
    this.rows.set(this.key(ticket.restaurantId, ticket.orderId), copy(ticket));
  }

  all(): KitchenTicket[] {
    return [...this.rows.values()].map(copy);
  }

  tombstoned(): string[] {
    return [...this.tombstones.keys()].map((k) => k.split("|")[1] ?? k);
  }
}

/** The DomainEvents topic as the publisher sees it: records what was published, and can be told to fail. */
export class RecordingCatalogPublisher implements CatalogPublisher {
  /** Catalog snapshots published, in order. */
  readonly published: RestaurantCatalogPublishedV2[] = [];
  /** Ticket events published, in order. */
  readonly ticketEvents: TicketEvent[] = [];
  private failure: Error | undefined;

  async publish(event: RestaurantCatalogPublishedV2 | TicketEvent): Promise<void> {
    if (this.failure) throw this.failure;
    if (event.type === "restaurant.catalog-published") this.published.push(copy(event));
    else this.ticketEvents.push(copy(event));
  }

  failWith(error = new Error("SNS unavailable")): void {
    this.failure = error;
  }

  recover(): void {
    this.failure = undefined;
  }
}

/** The shared recording Log (it satisfies this service's Log port). */
export { type LogLine, RecordingLog } from "@tiffin/kit/testing";
