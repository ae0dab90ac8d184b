import type { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import type { KitchenTicket } from "./kitchen-ticket";
import type { Restaurant } from "./restaurant";
import type { TicketPosition } from "./ticket-page";

export interface RestaurantRepository {
  list(): Promise<Restaurant[]>;
  bySlug(slug: string): Promise<Restaurant | undefined>;
  byId(id: string): Promise<Restaurant | undefined>;
  /** Saves only if the stored revision is older (or absent); returns whether it saved. */
  save(restaurant: Restaurant): Promise<boolean>;
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
  publish(event: RestaurantCatalogPublishedV1): Promise<void>;
}
