import type { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import type { KitchenTicket } from "../src/domain/kitchen-ticket";
import type { CatalogPublisher, RestaurantRepository, TicketRepository } from "../src/domain/ports";
import type { Restaurant } from "../src/domain/restaurant";

/*
 * In-memory ports for the restaurants domain, with the semantics of the DynamoDB adapters
 * (src/storage/dynamo.ts): reads return copies, the catalog lists by slug, a save only lands on an
 * older revision, a ticket is created once per (restaurant, placedAt, order) and listed newest first.
 */

const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryRestaurants implements RestaurantRepository {
  private readonly rows = new Map<string, Restaurant>();
  /** Successful saves, so a test can tell "nothing was written". */
  saves = 0;

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

  async save(restaurant: Restaurant): Promise<boolean> {
    const stored = this.rows.get(restaurant.id);
    if (stored && stored.revision >= restaurant.revision) return false;
    this.rows.set(restaurant.id, copy(restaurant));
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

  async listForRestaurant(restaurantId: string, limit: number): Promise<KitchenTicket[]> {
    return [...this.rows.entries()]
      .filter(([, t]) => t.restaurantId === restaurantId)
      .sort(([a], [b]) => b.localeCompare(a))
      .slice(0, limit)
      .map(([, t]) => copy(t));
  }

  all(): KitchenTicket[] {
    return [...this.rows.values()].map(copy);
  }
}

/** The DomainEvents topic as the publisher sees it: records what was published, and can be told to fail. */
export class RecordingCatalogPublisher implements CatalogPublisher {
  readonly published: RestaurantCatalogPublishedV1[] = [];
  private failure: Error | undefined;

  async publish(event: RestaurantCatalogPublishedV1): Promise<void> {
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
