import { DomainError } from "@tiffin/kit/domain-error";
import type { RestaurantRepository } from "./ports";
import { availabilityOf, type Restaurant } from "./restaurant";
import {
  hoursText,
  type OpeningHoursEntry,
  openingHoursFrom,
  type StoreState,
  type StoreStateRequest,
  storeStateFrom,
} from "./store";

/*
 * Staff (owner or staff) set their store's state (open, paused, busy) and its opening hours. Each change
 * is a new revision of the restaurant, published in the catalog like a menu change, so orders' replica
 * refuses placement while paused or closed.
 */

export interface StoreSettingsDeps {
  restaurants: RestaurantRepository;
  now: () => Date;
  /** Saves `next` (its revision one past the one it was read at) with its catalog announcement, then publishes. */
  commit: (next: Restaurant, correlationId: string) => Promise<Restaurant>;
}

interface Staff {
  restaurants: readonly { id: string; role: "owner" | "staff" }[];
}

const notFound = () =>
  new DomainError("not_found", "We couldn't find that restaurant. It may have moved or closed.");

/** What the dashboard shows of a store's settings, with what they mean right now. */
export const storeSettingsOf = (r: Restaurant, now: Date) => ({
  restaurantId: r.id,
  revision: r.revision,
  store: r.store,
  timeZone: r.timeZone,
  openingHours: r.openingHours,
  hours: r.hours,
  availability: availabilityOf(r, now),
});
export type StoreSettings = ReturnType<typeof storeSettingsOf>;

export const createStoreSettings = (deps: StoreSettingsDeps) => {
  const ownRestaurant = async (staff: Staff, restaurantId: string): Promise<Restaurant> => {
    if (!staff.restaurants.some((r) => r.id === restaurantId)) throw notFound();
    const found = await deps.restaurants.byId(restaurantId);
    if (!found) throw notFound();
    return found;
  };

  const save = async (next: Restaurant, correlationId: string) => {
    try {
      return await deps.commit(next, correlationId);
    } catch (error) {
      if (error instanceof DomainError && error.kind === "conflict") {
        throw new DomainError(
          "conflict",
          "The store settings were changed at the same time (by someone else or another screen). Reload and try again.",
        );
      }
      throw error;
    }
  };

  return {
    async storeSettings(staff: Staff, restaurantId: string): Promise<StoreSettings> {
      return storeSettingsOf(await ownRestaurant(staff, restaurantId), deps.now());
    },

    async setStoreState(
      staff: Staff,
      input: StoreStateRequest & { restaurantId: string },
      correlationId: string,
    ): Promise<StoreSettings> {
      const current = await ownRestaurant(staff, input.restaurantId);
      const store: StoreState = storeStateFrom(input, deps.now());
      const saved = await save({ ...current, store, revision: current.revision + 1 }, correlationId);
      return storeSettingsOf(saved, deps.now());
    },

    async setOpeningHours(
      staff: Staff,
      input: { restaurantId: string; timeZone: string; hours: OpeningHoursEntry[] },
      correlationId: string,
    ): Promise<StoreSettings> {
      const current = await ownRestaurant(staff, input.restaurantId);
      const openingHours = openingHoursFrom(input.hours, input.timeZone);
      const saved = await save(
        {
          ...current,
          timeZone: input.timeZone,
          openingHours,
          hours: hoursText(openingHours),
          revision: current.revision + 1,
        },
        correlationId,
      );
      return storeSettingsOf(saved, deps.now());
    },
  };
};
