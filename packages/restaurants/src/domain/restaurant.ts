import { type StoreAvailability, storeAvailability } from "@tiffin/contracts";
import type { OptionGroup, Photo } from "./menu";
import type { GeoPoint, OpeningHoursEntry, StoreState } from "./store";

export const dietaryTags = [
  "vegetarian",
  "vegan",
  "gluten-free",
  "dairy-free",
  "spicy",
  "contains-nuts",
] as const;
export type DietaryTag = (typeof dietaryTags)[number];

export interface MenuItem {
  id: string;
  name: string;
  description: string;
  priceCents: number;
  dietary: DietaryTag[];
  /** False while sold out: shown, but cannot be ordered. */
  available: boolean;
  popular?: boolean;
  /** Sizes, spice levels, extras: what the customer chooses when adding it (empty: nothing to choose). */
  optionGroups: OptionGroup[];
  /** Uploaded by staff, served at /media/<key>. */
  photo?: Photo;
  /** A drawing made for the demo data (a path under the web app's /illustrations/), shown without a photo. */
  illustration?: string;
}

export interface MenuCategory {
  id: string;
  name: string;
  items: MenuItem[];
}

export interface Restaurant {
  id: string;
  slug: string;
  name: string;
  cuisine: string;
  description: string;
  address: string;
  /** Where couriers pick up (seeded; no geocoder here). */
  location: GeoPoint;
  /** IANA zone the opening hours, sales days and "done today" are in. */
  timeZone: string;
  /** The opening hours as one line for customers, kept in step with `openingHours` when staff set them. */
  hours: string;
  /** Per weekday (0 = Sunday); a day with no entry is closed; closes < opens runs past midnight. */
  openingHours: OpeningHoursEntry[];
  /** Set by staff: open, paused (until a time or until resumed) or busy (extra minutes on estimates). */
  store: StoreState;
  deliveryFeeCents: number;
  minimumOrderCents: number;
  etaMinutes: { min: number; max: number };
  rating: number;
  ratingCount: number;
  priceLevel: 1 | 2 | 3;
  /** Kept for old clients; pages show `illustration` (emoji render as boxes without an emoji font). */
  emoji: string;
  accent: string;
  /** The restaurant's picture on cards, the menu header and the dashboard (a path under /illustrations/). */
  illustration?: string;
  menu: MenuCategory[];
  /** Bumped on every change; published with the catalog so replicas never go backwards. */
  revision: number;
}

/**
 * A restaurant as it is read, at a moment: whether it takes orders now (store state and opening hours) and
 * why not. `isOpen` is `availability.acceptingOrders`, for pages that only need yes or no.
 */
export type RestaurantView = Restaurant & { isOpen: boolean; availability: StoreAvailability };

export type RestaurantSummary = Omit<RestaurantView, "menu" | "revision"> & { dietary: DietaryTag[] };

export const availabilityOf = (r: Restaurant, now: Date): StoreAvailability =>
  storeAvailability({ store: r.store, hours: r.openingHours, timeZone: r.timeZone }, now);

export const withAvailability = (r: Restaurant, now: Date): RestaurantView => {
  const availability = availabilityOf(r, now);
  return { ...r, isOpen: availability.acceptingOrders, availability };
};

export interface RestaurantFilter {
  query?: string;
  cuisine?: string;
  openNow?: boolean;
}

const normalise = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Dietary tags offered by at least one available item, for the listing's badges. */
const dietaryOffered = (r: Restaurant): DietaryTag[] => {
  const tags = new Set(r.menu.flatMap((c) => c.items.filter((i) => i.available).flatMap((i) => i.dietary)));
  return dietaryTags.filter((t) => tags.has(t));
};

export const toSummary = ({
  menu: _menu,
  revision: _revision,
  ...rest
}: RestaurantView): RestaurantSummary => ({
  ...rest,
  dietary: dietaryOffered({ ...rest, menu: _menu, revision: _revision }),
});

/**
 * Search matches the restaurant's name, cuisine, description and its dishes' names, so "naan" finds the
 * places that serve it. Open restaurants come first, then by rating.
 */
export const searchRestaurants = (
  all: Restaurant[],
  filter: RestaurantFilter,
  now: Date,
): RestaurantSummary[] => {
  const terms = normalise(filter.query ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const cuisine = filter.cuisine ? normalise(filter.cuisine) : undefined;
  return all
    .map((r) => withAvailability(r, now))
    .filter((r) => !filter.openNow || r.isOpen)
    .filter((r) => !cuisine || normalise(r.cuisine) === cuisine)
    .filter((r) => {
      if (terms.length === 0) return true;
      const haystack = normalise(
        [r.name, r.cuisine, r.description, ...r.menu.flatMap((c) => c.items.map((i) => i.name))].join(" "),
      );
      return terms.every((t) => haystack.includes(t));
    })
    .sort(
      (a, b) => Number(b.isOpen) - Number(a.isOpen) || b.rating - a.rating || a.name.localeCompare(b.name),
    )
    .map(toSummary);
};

export const cuisinesOf = (all: Restaurant[]): string[] => [...new Set(all.map((r) => r.cuisine))].sort();
