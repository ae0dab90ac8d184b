import { z } from "zod";
import { Cents, EventMeta } from "./common";

/**
 * restaurants -> DomainEvents topic: the full orderable snapshot of one restaurant (store state and
 * every item's price and availability). Snapshots carry a revision so a consumer never goes backwards.
 * Released: never edit; add a v2 beside it.
 */
export const RestaurantCatalogPublishedV1 = z.object({
  type: z.literal("restaurant.catalog-published"),
  version: z.literal(1),
  ...EventMeta,
  revision: z.number().int().nonnegative(),
  restaurant: z.object({
    id: z.string().min(1),
    slug: z.string().min(1),
    name: z.string().min(1),
    isOpen: z.boolean(),
    deliveryFeeCents: Cents,
    minimumOrderCents: Cents,
  }),
  items: z.array(
    z.object({ id: z.string().min(1), name: z.string().min(1), priceCents: Cents, available: z.boolean() }),
  ),
});
export type RestaurantCatalogPublishedV1 = z.infer<typeof RestaurantCatalogPublishedV1>;
