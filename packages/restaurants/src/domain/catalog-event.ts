import type { RestaurantCatalogPublishedV2 } from "@tiffin/contracts";
import type { Restaurant } from "./restaurant";

type CatalogRestaurant = RestaurantCatalogPublishedV2["restaurant"];

/** Store state, opening hours and location as published: orders refuses placement while paused or closed. */
const storeOf = (r: Restaurant): Pick<CatalogRestaurant, "location" | "timeZone" | "store" | "hours"> => ({
  location: r.location,
  timeZone: r.timeZone,
  store: r.store,
  hours: r.openingHours,
});

/** The orderable snapshot other services replicate: store state, prices, options, availability. */
export const catalogEvent = (
  r: Restaurant,
  meta: { occurredAt: Date; correlationId: string },
): RestaurantCatalogPublishedV2 => ({
  type: "restaurant.catalog-published",
  version: 2,
  eventId: `restaurant.catalog-published:${r.id}:${r.revision}`,
  occurredAt: meta.occurredAt.toISOString(),
  correlationId: meta.correlationId,
  revision: r.revision,
  restaurant: {
    id: r.id,
    slug: r.slug,
    name: r.name,
    deliveryFeeCents: r.deliveryFeeCents,
    minimumOrderCents: r.minimumOrderCents,
    ...storeOf(r),
  },
  items: r.menu.flatMap((c) =>
    c.items.map((i) => ({
      id: i.id,
      name: i.name,
      priceCents: i.priceCents,
      available: i.available,
      optionGroups: (i.optionGroups ?? []).map((g) => ({
        id: g.id,
        name: g.name,
        min: g.min,
        max: g.max,
        options: g.options.map((o) => ({
          id: o.id,
          name: o.name,
          priceDeltaCents: o.priceDeltaCents,
          available: o.available,
        })),
      })),
    })),
  ),
});
