import type { OrderPlacedV1 } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import { createRelay, type RelayDeps } from "@tiffin/outbox";
import { catalogEvent } from "./catalog-event";
import { ticketFromOrder } from "./kitchen-ticket";
import { createMenuEditor } from "./menu-editor";
import type {
  CatalogOutbox,
  CatalogOutboxEntry,
  CatalogPublisher,
  Log,
  PhotoStore,
  RestaurantRepository,
  TicketRepository,
} from "./ports";
import { cuisinesOf, type Restaurant, type RestaurantFilter, searchRestaurants } from "./restaurant";
import { positionOfCursor, TICKETS_PAGE, type TicketPage, ticketCursor } from "./ticket-page";

export interface RestaurantsDeps {
  restaurants: RestaurantRepository;
  tickets: TicketRepository;
  publisher: CatalogPublisher;
  /** Catalog snapshots saved with the changes they announce, until published. */
  outbox: CatalogOutbox;
  now: () => Date;
  log: Log;
  /** The bucket menu photos are uploaded to (absent where photos cannot be uploaded). */
  photos?: PhotoStore;
  /** Ids of new things (photo uploads); random UUIDs unless a test fixes them. */
  newId?: () => string;
}

/** What this service needs to know about a staff member: where they work (from their verified token). */
export interface StaffMember {
  restaurants: { id: string; role: "owner" | "staff" }[];
}

const worksAt = (staff: StaffMember, restaurantId: string) =>
  staff.restaurants.some((r) => r.id === restaurantId);

const notFound = () =>
  new DomainError("not_found", "We couldn't find that restaurant. It may have moved or closed.");

export const createRestaurantsService = (
  deps: RestaurantsDeps,
  relayOptions: Pick<RelayDeps<CatalogOutboxEntry>, "policy" | "pageSize" | "budgetMs"> = {},
) => {
  const byId = async (id: string): Promise<Restaurant> => {
    const found = await deps.restaurants.byId(id);
    if (!found) throw notFound();
    return found;
  };

  const announcement = (r: Restaurant, correlationId: string): CatalogOutboxEntry => {
    const event = catalogEvent(r, { occurredAt: deps.now(), correlationId });
    return { id: event.eventId, restaurantId: r.id, event, createdAt: event.occurredAt };
  };

  /** Publishes a saved snapshot at once; if that fails it stays in the outbox and the relay publishes it. */
  const publishNow = async (entry: CatalogOutboxEntry) => {
    try {
      await deps.publisher.publish(entry.event);
      await deps.outbox.markSent(entry, deps.now());
    } catch (error) {
      deps.log.warn("catalog not published yet; the outbox relay will publish it", {
        restaurantId: entry.restaurantId,
        revision: entry.event.revision,
        correlationId: entry.event.correlationId,
        error: String(error),
      });
    }
  };

  /**
   * Saves `next`, whose revision is one past the one it was read at, with its catalog announcement; if
   * another change landed since that read, nothing is saved (409) rather than overwriting it.
   */
  const commit = async (next: Restaurant, correlationId: string): Promise<Restaurant> => {
    const entry = announcement(next, correlationId);
    if (!(await deps.restaurants.save(next, entry))) {
      throw new DomainError("conflict", "This menu was changed at the same time. Reload it and try again.");
    }
    await publishNow(entry);
    return next;
  };

  return {
    /** The menu editor's procedures (staff, own restaurants only). */
    ...createMenuEditor({
      restaurants: deps.restaurants,
      photos: deps.photos,
      now: deps.now,
      newId: deps.newId ?? (() => crypto.randomUUID()),
      commit,
    }),

    async list(filter: RestaurantFilter) {
      const all = await deps.restaurants.list();
      return { restaurants: searchRestaurants(all, filter), cuisines: cuisinesOf(all) };
    },

    async bySlug(slug: string): Promise<Restaurant> {
      const found = await deps.restaurants.bySlug(slug);
      if (!found) throw notFound();
      return found;
    },

    /**
     * One page of a restaurant's kitchen tickets, newest first. Another restaurant's tickets get the same
     * answer as a restaurant that does not exist (checked before the cursor, so a bad one reveals nothing).
     */
    async tickets(
      restaurantId: string,
      staff: StaffMember,
      page: { limit?: number; cursor?: string | null } = {},
    ): Promise<TicketPage> {
      if (!worksAt(staff, restaurantId)) throw notFound();
      const after = page.cursor ? positionOfCursor(page.cursor) : undefined;
      await byId(restaurantId);
      const found = await deps.tickets.listForRestaurant(restaurantId, {
        limit: page.limit ?? TICKETS_PAGE,
        after,
      });
      return { tickets: found.tickets, nextCursor: found.next ? ticketCursor(found.next) : null };
    },

    /** The restaurants a staff member works for, for their dashboard. */
    async myRestaurants(staff: StaffMember) {
      const found = await Promise.all(
        staff.restaurants.map(async (m) => {
          const r = await deps.restaurants.byId(m.id);
          return (
            r && { id: r.id, name: r.name, slug: r.slug, emoji: r.emoji, isOpen: r.isOpen, role: m.role }
          );
        }),
      );
      return found.filter((r) => r !== undefined).sort((a, b) => a.name.localeCompare(b.name));
    },

    /**
     * Fulfillment: a placed order becomes a kitchen ticket, once. An order for a restaurant this service
     * does not know is an error (it will be retried, then dead-lettered for an operator).
     */
    async receiveOrder(event: OrderPlacedV1): Promise<"created" | "duplicate"> {
      await byId(event.restaurantId);
      return deps.tickets.createOnce(ticketFromOrder(event, deps.now()));
    },

    /**
     * Saves a new revision of a restaurant (menu or store state) together with the catalog snapshot that
     * announces it (one transaction), then publishes the snapshot. A failed publish changes nothing for
     * the caller: the snapshot waits in the outbox and the relay publishes it, so replicas never stay stale.
     */
    async saveRestaurant(next: Restaurant, correlationId: string): Promise<Restaurant> {
      const current = await deps.restaurants.byId(next.id);
      const saved = { ...next, revision: (current?.revision ?? 0) + 1 };
      const entry = announcement(saved, correlationId);
      if (!(await deps.restaurants.save(saved, entry))) {
        throw new DomainError(
          "conflict",
          "This restaurant was changed at the same time. Reload and try again.",
        );
      }
      await publishNow(entry);
      return saved;
    },

    /** Re-sends every restaurant's current snapshot through the outbox (replicas ignore revisions they have). */
    async republishCatalog(correlationId: string): Promise<number> {
      const all = await deps.restaurants.list();
      for (const r of all) {
        const entry = announcement(r, correlationId);
        await deps.outbox.put(entry);
        await publishNow(entry);
      }
      return all.length;
    },

    /** Scheduled: publishes the snapshots a failed publish or a crash left in the outbox. */
    relayOutbox: createRelay<CatalogOutboxEntry>({
      store: deps.outbox,
      send: (entry) => deps.publisher.publish(entry.event),
      now: deps.now,
      log: deps.log,
      describe: (entry) => ({
        restaurantId: entry.restaurantId,
        revision: entry.event.revision,
        correlationId: entry.event.correlationId,
      }),
      ...relayOptions,
    }),
  };
};

export type RestaurantsService = ReturnType<typeof createRestaurantsService>;
