import type { OrderPlacedV1 } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import { catalogEvent } from "./catalog-event";
import { ticketFromOrder } from "./kitchen-ticket";
import type { CatalogPublisher, RestaurantRepository, TicketRepository } from "./ports";
import { cuisinesOf, type Restaurant, type RestaurantFilter, searchRestaurants } from "./restaurant";
import { positionOfCursor, TICKETS_PAGE, type TicketPage, ticketCursor } from "./ticket-page";

export interface RestaurantsDeps {
  restaurants: RestaurantRepository;
  tickets: TicketRepository;
  publisher: CatalogPublisher;
  now: () => Date;
}

/** What this service needs to know about a staff member: where they work (from their verified token). */
export interface StaffMember {
  restaurants: { id: string; role: "owner" | "staff" }[];
}

const worksAt = (staff: StaffMember, restaurantId: string) =>
  staff.restaurants.some((r) => r.id === restaurantId);

const notFound = () =>
  new DomainError("not_found", "We couldn't find that restaurant. It may have moved or closed.");

export const createRestaurantsService = (deps: RestaurantsDeps) => {
  const byId = async (id: string): Promise<Restaurant> => {
    const found = await deps.restaurants.byId(id);
    if (!found) throw notFound();
    return found;
  };

  const publish = (r: Restaurant, correlationId: string) =>
    deps.publisher.publish(catalogEvent(r, { occurredAt: deps.now(), correlationId }));

  return {
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

    /** Saves a new revision of a restaurant (menu or store state) and publishes its catalog. */
    async saveRestaurant(next: Restaurant, correlationId: string): Promise<Restaurant> {
      const current = await deps.restaurants.byId(next.id);
      const saved = { ...next, revision: (current?.revision ?? 0) + 1 };
      if (!(await deps.restaurants.save(saved))) {
        throw new DomainError(
          "conflict",
          "This restaurant was changed at the same time. Reload and try again.",
        );
      }
      await publish(saved, correlationId);
      return saved;
    },

    /** Re-sends every restaurant's current snapshot (replicas ignore revisions they already have). */
    async republishCatalog(correlationId: string): Promise<number> {
      const all = await deps.restaurants.list();
      for (const r of all) await publish(r, correlationId);
      return all.length;
    },
  };
};

export type RestaurantsService = ReturnType<typeof createRestaurantsService>;
