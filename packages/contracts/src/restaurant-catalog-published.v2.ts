import { z } from "zod";
import { Cents, EventMeta } from "./common";

const Point = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:MM");

/** One choice inside an option group ("Large", "Extra hot"), with what it adds to the item's price. */
const OptionV2 = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  priceDeltaCents: Cents,
  available: z.boolean(),
});

/** A group of choices on an item ("Size": pick exactly 1; "Toppings": up to 3). */
const OptionGroupV2 = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** How many options the customer must / may pick: required groups have min >= 1. */
    min: z.number().int().min(0),
    max: z.number().int().min(1),
    options: z.array(OptionV2).min(1),
  })
  .refine((g) => g.min <= g.max, "min must not exceed max");

/**
 * restaurants -> DomainEvents topic: the full orderable snapshot of one restaurant, v2 adds store state
 * (open / paused / busy), opening hours in the restaurant's time zone, its location, and each item's option
 * groups. Same `type` as v1 (subscriptions filter on it), so consumers accept both versions.
 * Released: never edit; add a v3 beside it.
 */
export const RestaurantCatalogPublishedV2 = z.object({
  type: z.literal("restaurant.catalog-published"),
  version: z.literal(2),
  ...EventMeta,
  revision: z.number().int().nonnegative(),
  restaurant: z.object({
    id: z.string().min(1),
    slug: z.string().min(1),
    name: z.string().min(1),
    deliveryFeeCents: Cents,
    minimumOrderCents: Cents,
    location: Point,
    /** IANA zone the opening hours are in, e.g. "Europe/London". */
    timeZone: z.string().min(1),
    store: z.object({
      state: z.enum(["open", "paused", "busy"]),
      /** Paused until this time; null while paused until staff resume. */
      pausedUntil: z.iso.datetime().nullable(),
      /** Busy: minutes added to every estimate. */
      busyExtraMinutes: z.number().int().min(0).max(120),
      /** What customers are told while paused, as staff typed it. */
      message: z.string().max(200),
    }),
    /** Opening hours per weekday (0 = Sunday); a day with no entry is closed. closes < opens runs past midnight. */
    hours: z.array(z.object({ day: z.number().int().min(0).max(6), opens: Time, closes: Time })),
  }),
  items: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      priceCents: Cents,
      available: z.boolean(),
      optionGroups: z.array(OptionGroupV2),
    }),
  ),
});
export type RestaurantCatalogPublishedV2 = z.infer<typeof RestaurantCatalogPublishedV2>;
