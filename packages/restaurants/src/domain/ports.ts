import type { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import type { KitchenTicket } from "./kitchen-ticket";
import type { Restaurant } from "./restaurant";

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
  listForRestaurant(restaurantId: string, limit: number): Promise<KitchenTicket[]>;
}

export interface CatalogPublisher {
  publish(event: RestaurantCatalogPublishedV1): Promise<void>;
}
