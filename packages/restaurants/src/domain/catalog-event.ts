import type { RestaurantCatalogPublishedV2 } from "@tiffin/contracts";
import type { Restaurant } from "./restaurant";

type CatalogRestaurant = RestaurantCatalogPublishedV2["restaurant"];

const ALL_DAY = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: "00:00", closes: "23:59" }));

/**
 * Store state, opening hours and location as published. Until the Restaurant model carries them, an
 * open restaurant is published as open all day and a closed one with no opening hours (closed every day).
 */
const storeOf = (r: Restaurant): Pick<CatalogRestaurant, "location" | "timeZone" | "store" | "hours"> => ({
  location: { lat: 0, lng: 0 },
  timeZone: "UTC",
  store: { state: "open", pausedUntil: null, busyExtraMinutes: 0, message: "" },
  hours: r.isOpen ? ALL_DAY : [],
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
