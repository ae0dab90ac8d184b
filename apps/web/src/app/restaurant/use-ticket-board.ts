"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { KitchenTicket, TicketLane } from "@tiffin/restaurants";
import { useEffect, useMemo, useRef } from "react";
import { announce } from "@/components/live-announcer";
import { useDocumentTitle } from "@/components/use-document-title";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { arrivalAnnouncement, arrivalsAmong, boardTickets, boardTitle } from "./ticket-list";
import type { MyRestaurant } from "./types";

const POLL_MS = 3_000;

/** Announces orders that arrive while the board is open (not the ones already there when it loaded). */
const useArrivalAnnouncements = (newestPage: KitchenTicket[] | undefined) => {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!newestPage) return;
    if (seen.current === null) {
      seen.current = new Set(newestPage.map((t) => t.orderId));
      return;
    }
    const arrived = arrivalsAmong(seen.current, newestPage);
    for (const t of arrived) seen.current.add(t.orderId);
    const sentence = arrivalAnnouncement(arrived);
    if (sentence) announce(sentence);
  }, [newestPage]);
};

/**
 * One section of the kitchen board (new, preparing, ready, done today): its newest page, kept fresh by
 * polling, plus the older pages staff asked for ("Show older tickets"). Polling re-reads every loaded page
 * from the newest, so the list stays one consistent sequence however many orders arrive in between.
 */
export const useTicketLane = (restaurant: MyRestaurant, lane: TicketLane) => {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const restaurantId = restaurant.id;
  const query = useInfiniteQuery({
    queryKey: trpc.restaurants.tickets.infiniteQueryKey({ restaurantId, lane }),
    queryFn: ({ pageParam, signal }) =>
      client.restaurants.tickets.query({ restaurantId, lane, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (q) => (q.state.status === "error" && q.state.data === undefined ? false : POLL_MS),
    // A kitchen screen often sits in a background tab; it must keep up anyway.
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
  const tickets = useMemo(() => query.data && boardTickets(query.data.pages), [query.data]);
  return {
    lane,
    tickets,
    newestPage: query.data?.pages[0]?.tickets,
    /** Older tickets exist beyond the loaded pages. */
    more: query.hasNextPage,
    /** Nothing could be loaded at all (not a failed poll: the last good data stays on screen then). */
    failed: query.isError && !query.data,
    error: query.error,
    retry: () => query.refetch(),
    retrying: query.isFetching,
    updatedAt: query.dataUpdatedAt,
    pollFailing: query.isRefetchError,
    showOlder: () => query.fetchNextPage(),
    loadingOlder: query.isFetchingNextPage,
    olderFailed: query.isFetchNextPageError,
  };
};
export type TicketLaneState = ReturnType<typeof useTicketLane>;

/** Every section of the board at once (their counts show on the tabs), new orders announced as they come. */
export const useTicketBoard = (restaurant: MyRestaurant) => {
  const lanes = {
    new: useTicketLane(restaurant, "new"),
    preparing: useTicketLane(restaurant, "preparing"),
    ready: useTicketLane(restaurant, "ready"),
    done: useTicketLane(restaurant, "done"),
  } satisfies Record<TicketLane, TicketLaneState>;
  useArrivalAnnouncements(lanes.new.newestPage);
  useDocumentTitle(boardTitle(restaurant.name, lanes.new.tickets?.length, lanes.new.more));
  return lanes;
};
