import type { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import type { Restaurant } from "./restaurant";

/** The orderable snapshot other services replicate: store state, prices, availability. */
export const catalogEvent = (
  r: Restaurant,
  meta: { occurredAt: Date; correlationId: string },
): RestaurantCatalogPublishedV1 => ({
  type: "restaurant.catalog-published",
  version: 1,
  eventId: `restaurant.catalog-published:${r.id}:${r.revision}`,
  occurredAt: meta.occurredAt.toISOString(),
  correlationId: meta.correlationId,
  revision: r.revision,
  restaurant: {
    id: r.id,
    slug: r.slug,
    name: r.name,
    isOpen: r.isOpen,
    deliveryFeeCents: r.deliveryFeeCents,
    minimumOrderCents: r.minimumOrderCents,
  },
  items: r.menu.flatMap((c) =>
    c.items.map((i) => ({ id: i.id, name: i.name, priceCents: i.priceCents, available: i.available })),
  ),
});
