import type { OptionGroup, Photo } from "./menu";

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
  hours: string;
  /** Store state set by staff: a closed restaurant is listed but takes no orders. */
  isOpen: boolean;
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

export type RestaurantSummary = Omit<Restaurant, "menu" | "revision"> & { dietary: DietaryTag[] };

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

export const toSummary = ({ menu: _menu, revision: _revision, ...rest }: Restaurant): RestaurantSummary => ({
  ...rest,
  dietary: dietaryOffered({ ...rest, menu: _menu, revision: _revision }),
});

/**
 * Search matches the restaurant's name, cuisine, description and its dishes' names, so "naan" finds the
 * places that serve it. Open restaurants come first, then by rating.
 */
export const searchRestaurants = (all: Restaurant[], filter: RestaurantFilter): RestaurantSummary[] => {
  const terms = normalise(filter.query ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const cuisine = filter.cuisine ? normalise(filter.cuisine) : undefined;
  return all
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
