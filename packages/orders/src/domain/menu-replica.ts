import type { RestaurantCatalogPublishedV1, RestaurantCatalogPublishedV2 } from "@tiffin/contracts";

export interface ReplicatedOption {
  id: string;
  name: string;
  priceDeltaCents: number;
  available: boolean;
}

/** A group of choices on an item ("Size": exactly 1; "Extras": up to 2), as the catalog v2 sends it. */
export interface ReplicatedOptionGroup {
  id: string;
  name: string;
  min: number;
  max: number;
  options: ReplicatedOption[];
}

export interface ReplicatedItem {
  id: string;
  name: string;
  priceCents: number;
  available: boolean;
  /** Empty for items without options (and for every item of a v1 snapshot). */
  optionGroups: ReplicatedOptionGroup[];
}

/** open | paused (until a time, or until staff resume) | busy (extra minutes on every estimate). */
export interface ReplicatedStore {
  state: "open" | "paused" | "busy";
  pausedUntil: string | null;
  busyExtraMinutes: number;
  /** What staff told customers while paused, as typed. */
  message: string;
}

/** One opening window, in the restaurant's time zone; `closes` before `opens` runs past midnight. */
export interface OpeningHours {
  /** 0 = Sunday. */
  day: number;
  opens: string;
  closes: string;
}

/** What orders keeps of a restaurant to price an order without asking restaurants synchronously. */
export interface ReplicatedMenu {
  restaurantId: string;
  slug: string;
  name: string;
  /** v1's open/closed flag; a v2 snapshot says it with `store` and `hours` instead (always true here). */
  isOpen: boolean;
  deliveryFeeCents: number;
  minimumOrderCents: number;
  store: ReplicatedStore;
  /** null when the snapshot had no opening hours (v1): open whenever `isOpen`. */
  hours: OpeningHours[] | null;
  /** IANA zone the hours are in. */
  timeZone: string;
  location: { lat: number; lng: number } | null;
  items: ReplicatedItem[];
  revision: number;
  updatedAt: string;
}

export type RestaurantCatalogPublished = RestaurantCatalogPublishedV1 | RestaurantCatalogPublishedV2;

const OPEN_STORE: ReplicatedStore = { state: "open", pausedUntil: null, busyExtraMinutes: 0, message: "" };

/** The replica of a catalog snapshot, v1 or v2 (v1 has no store state, hours, location or options). */
export const replicaFromCatalog = (event: RestaurantCatalogPublished): ReplicatedMenu => {
  const common = {
    restaurantId: event.restaurant.id,
    slug: event.restaurant.slug,
    name: event.restaurant.name,
    deliveryFeeCents: event.restaurant.deliveryFeeCents,
    minimumOrderCents: event.restaurant.minimumOrderCents,
    revision: event.revision,
    updatedAt: event.occurredAt,
  };
  if (event.version === 1) {
    return {
      ...common,
      isOpen: event.restaurant.isOpen,
      store: OPEN_STORE,
      hours: null,
      timeZone: "UTC",
      location: null,
      items: event.items.map((item) => ({ ...item, optionGroups: [] })),
    };
  }
  const { restaurant } = event;
  return {
    ...common,
    isOpen: true,
    store: { ...restaurant.store },
    hours: restaurant.hours.map((h) => ({ ...h })),
    timeZone: restaurant.timeZone,
    location: { ...restaurant.location },
    items: event.items.map((item) => ({
      id: item.id,
      name: item.name,
      priceCents: item.priceCents,
      available: item.available,
      optionGroups: item.optionGroups.map((g) => ({ ...g, options: g.options.map((o) => ({ ...o })) })),
    })),
  };
};

/**
 * A replica row as an older version of this code stored it (before slug, store state, hours and option
 * groups were kept), brought to today's shape; a current row comes back unchanged.
 */
export const upgradeStoredReplica = (stored: ReplicatedMenu): ReplicatedMenu => {
  const row = stored as Partial<ReplicatedMenu> & ReplicatedMenu;
  return {
    ...row,
    slug: row.slug ?? row.restaurantId,
    store: row.store ?? OPEN_STORE,
    hours: row.hours ?? null,
    timeZone: row.timeZone ?? "UTC",
    location: row.location ?? null,
    items: row.items.map((item) => ({ ...item, optionGroups: item.optionGroups ?? [] })),
  };
};
