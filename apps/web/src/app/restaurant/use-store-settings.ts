"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { announce } from "@/components/live-announcer";
import { problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";
import { type HoursEntry, storeHeadline } from "./kitchen-format";

/** Re-read now and then: a pause that ends by itself, or a change made on another screen, shows up. */
const REFRESH_MS = 15_000;

/** The store's state and opening hours, and the changes staff make to them. */
export const useStoreSettings = (restaurantId: string) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.restaurants.storeSettings.queryKey({ restaurantId });
  const settings = useQuery({
    ...trpc.restaurants.storeSettings.queryOptions({ restaurantId }),
    refetchInterval: REFRESH_MS,
  });
  const onSuccess = (next: NonNullable<typeof settings.data>) => {
    queryClient.setQueryData(key, next);
    // The picker's open/closed badges come from myRestaurants.
    void queryClient.invalidateQueries({ queryKey: trpc.restaurants.myRestaurants.queryKey() });
    announce(`Saved. ${storeHeadline(next).text}.`);
  };
  const setState = useMutation(trpc.restaurants.setStoreState.mutationOptions({ onSuccess }));
  const setHours = useMutation(trpc.restaurants.setOpeningHours.mutationOptions({ onSuccess }));

  return {
    settings,
    setState: (
      input:
        | { state: "open" }
        | { state: "paused"; pausedUntil: string | null; message: string }
        | { state: "busy"; busyExtraMinutes: number },
    ) => {
      setHours.reset();
      return setState.mutate({ restaurantId, ...input });
    },
    savingState: setState.isPending,
    stateProblem: setState.error ? problemOf(setState.error) : undefined,
    setHours: (timeZone: string, hours: HoursEntry[]) => {
      setState.reset();
      return setHours.mutate({ restaurantId, timeZone, hours });
    },
    savingHours: setHours.isPending,
    hoursSaved: setHours.isSuccess,
    hoursProblem: setHours.error ? problemOf(setHours.error) : undefined,
  };
};
export type StoreSettingsState = ReturnType<typeof useStoreSettings>;
