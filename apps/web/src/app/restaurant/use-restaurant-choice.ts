"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import type { MyRestaurant } from "./types";

const STORAGE_KEY = "tiffin.dashboard.restaurant.v1";

const readChoice = (): string | null => {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

const saveChoice = (restaurantId: string | null) => {
  try {
    if (restaurantId) window.localStorage.setItem(STORAGE_KEY, restaurantId);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // The choice then lasts only as long as the `?r=` in the address bar.
  }
};

export interface RestaurantChoice {
  /** False until this device's saved choice has been read (it doesn't exist during server rendering). */
  ready: boolean;
  /** The restaurant whose board to show: the one asked for, else the only one; undefined means "pick". */
  chosen: MyRestaurant | undefined;
  /** A `?r=` link named a restaurant this account doesn't work for. */
  notYours: boolean;
  choose: (restaurantId: string | null) => void;
}

/**
 * Which of the staff member's restaurants this screen shows: `?r=<id>` in the address, else the choice
 * saved on this device, else their only restaurant.
 */
export const useRestaurantChoice = (mine: MyRestaurant[] | undefined): RestaurantChoice => {
  const params = useSearchParams();
  const pathname = usePathname();
  const fromUrl = params.get("r");
  const [saved, setSaved] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    setSaved(readChoice());
  }, []);

  useEffect(() => {
    if (fromUrl && mine?.some((r) => r.id === fromUrl)) saveChoice(fromUrl);
  }, [fromUrl, mine]);

  const choose = (restaurantId: string | null) => {
    saveChoice(restaurantId);
    setSaved(restaurantId);
    const search = restaurantId ? `?r=${encodeURIComponent(restaurantId)}` : "";
    window.history.replaceState(null, "", `${pathname}${search}`);
  };

  const requested = fromUrl ?? saved;
  const only = mine?.length === 1 ? mine[0] : undefined;
  const chosen = mine?.find((r) => r.id === requested) ?? only;
  const notYours = fromUrl !== null && !mine?.some((r) => r.id === fromUrl);
  return { ready: saved !== undefined, chosen, notYours, choose };
};
