import type { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";

/** What orders keeps of a restaurant to price an order without asking restaurants synchronously. */
export interface ReplicatedMenu {
  restaurantId: string;
  name: string;
  isOpen: boolean;
  deliveryFeeCents: number;
  minimumOrderCents: number;
  items: { id: string; name: string; priceCents: number; available: boolean }[];
  revision: number;
  updatedAt: string;
}

export const replicaFromCatalog = (event: RestaurantCatalogPublishedV1): ReplicatedMenu => ({
  restaurantId: event.restaurant.id,
  name: event.restaurant.name,
  isOpen: event.restaurant.isOpen,
  deliveryFeeCents: event.restaurant.deliveryFeeCents,
  minimumOrderCents: event.restaurant.minimumOrderCents,
  items: event.items,
  revision: event.revision,
  updatedAt: event.occurredAt,
});
