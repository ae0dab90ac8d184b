import { DomainError } from "@tiffin/kit/domain-error";
import { createRelay, type RelayDeps } from "@tiffin/outbox";
import { catalogEvent } from "./catalog-event";
import { createKitchen, DEFAULT_ANSWER_MINUTES } from "./kitchen";
import { createMenuEditor } from "./menu-editor";
import type {
  CatalogOutbox,
  CatalogOutboxEntry,
  CatalogPublisher,
  Log,
  PhotoStore,
  RestaurantRepository,
  RestaurantsOutboxEntry,
  TicketRepository,
} from "./ports";
import {
  cuisinesOf,
  type Restaurant,
  type RestaurantFilter,
  type RestaurantView,
  searchRestaurants,
  withAvailability,
} from "./restaurant";
import { createStoreSettings } from "./store-settings";

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
  /** Minutes a new ticket waits for an answer before it is rejected automatically (default 10). */
  answerMinutes?: number;
}

/** What this service needs to know about a staff member: where they work (from their verified token). */
export interface StaffMember {
  restaurants: { id: string; role: "owner" | "staff" }[];
}

const notFound = () =>
  new DomainError("not_found", "We couldn't find that restaurant. It may have moved or closed.");

export const createRestaurantsService = (
  deps: RestaurantsDeps,
  relayOptions: Pick<RelayDeps<RestaurantsOutboxEntry>, "policy" | "pageSize" | "budgetMs"> = {},
) => {
  const announcement = (r: Restaurant, correlationId: string): CatalogOutboxEntry => {
    const event = catalogEvent(r, { occurredAt: deps.now(), correlationId });
    return { id: event.eventId, restaurantId: r.id, event, createdAt: event.occurredAt };
  };

  /** What identifies an outbox entry in logs: its restaurant, and its revision or its order. */
  const describe = (entry: RestaurantsOutboxEntry) => ({
    restaurantId: entry.restaurantId,
    ...(entry.event.type === "restaurant.catalog-published"
      ? { revision: entry.event.revision }
      : { event: entry.event.type, orderId: entry.event.orderId }),
    correlationId: entry.event.correlationId,
  });

  /** Publishes a saved entry at once; if that fails it stays in the outbox and the relay publishes it. */
  const publishNow = async (entry: RestaurantsOutboxEntry) => {
    try {
      await deps.publisher.publish(entry.event);
      await deps.outbox.markSent(entry, deps.now());
    } catch (error) {
      deps.log.warn(
        entry.event.type === "restaurant.catalog-published"
          ? "catalog not published yet; the outbox relay will publish it"
          : "ticket event not published yet; the outbox relay will publish it",
        { ...describe(entry), error: String(error) },
      );
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

    /** The kitchen: tickets, the staff's answers, the answer timer, cancel requests, sales. */
    ...createKitchen({
      restaurants: deps.restaurants,
      tickets: deps.tickets,
      now: deps.now,
      log: deps.log,
      answerMinutes: deps.answerMinutes ?? DEFAULT_ANSWER_MINUTES,
      publishNow,
    }),

    /** Store state and opening hours (owner or staff, own restaurants only). */
    ...createStoreSettings({ restaurants: deps.restaurants, now: deps.now, commit }),

    async list(filter: RestaurantFilter) {
      const all = await deps.restaurants.list();
      return { restaurants: searchRestaurants(all, filter, deps.now()), cuisines: cuisinesOf(all) };
    },

    /** With whether it takes orders right now (store state and opening hours). */
    async bySlug(slug: string): Promise<RestaurantView> {
      const found = await deps.restaurants.bySlug(slug);
      if (!found) throw notFound();
      return withAvailability(found, deps.now());
    },

    /** The restaurants a staff member works for, for their dashboard. */
    async myRestaurants(staff: StaffMember) {
      const found = await Promise.all(
        staff.restaurants.map(async (m) => {
          const r = await deps.restaurants.byId(m.id);
          if (!r) return undefined;
          const { availability } = withAvailability(r, deps.now());
          return {
            id: r.id,
            name: r.name,
            slug: r.slug,
            emoji: r.emoji,
            illustration: r.illustration,
            isOpen: availability.acceptingOrders,
            availability,
            role: m.role,
          };
        }),
      );
      return found.filter((r) => r !== undefined).sort((a, b) => a.name.localeCompare(b.name));
    },

    /**
     * Saves a new revision of a restaurant (menu or store state) together with the catalog snapshot that
     * announces it (one transaction), then publishes the snapshot. A failed publish changes nothing for
     * the caller: the snapshot waits in the outbox and the relay publishes it, so replicas never stay stale.
     */
    async saveRestaurant(next: Restaurant, correlationId: string): Promise<Restaurant> {
      const current = await deps.restaurants.byId(next.id);
      // A restaurant as read (`bySlug`) says whether it is open now: that is worked out, never stored.
      const {
        isOpen: _isOpen,
        availability: _availability,
        ...plain
      } = next as Partial<RestaurantView> & Restaurant;
      const saved = { ...plain, revision: (current?.revision ?? 0) + 1 };
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
    relayOutbox: createRelay<RestaurantsOutboxEntry>({
      store: deps.outbox,
      send: (entry) => deps.publisher.publish(entry.event),
      now: deps.now,
      log: deps.log,
      describe,
      ...relayOptions,
    }),
  };
};

export type RestaurantsService = ReturnType<typeof createRestaurantsService>;
