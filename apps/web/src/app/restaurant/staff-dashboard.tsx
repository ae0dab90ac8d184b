"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, EmptyState } from "@tiffin/ui";
import { KitchenBoardUnavailable } from "@/components/kitchen-board-unavailable";
import { LoadError } from "@/components/load-error";
import { isServiceDown, problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";
import { BoardSkeleton } from "./board-skeleton";
import { RestaurantPicker } from "./restaurant-picker";
import { TicketBoard } from "./ticket-board";
import { useRestaurantChoice } from "./use-restaurant-choice";

/**
 * A restaurant staff member's dashboard: the restaurants offered are the ones the account works for
 * (`restaurants.myRestaurants`); one goes straight to its board, with several `?r=<id>` or the choice
 * saved on this device picks one, else a picker.
 */
export function StaffDashboard() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.restaurants.myRestaurants.queryOptions());
  const choice = useRestaurantChoice(mine.data);

  if (mine.isError && !mine.data) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        {isServiceDown(mine.error) ? (
          <KitchenBoardUnavailable onRetry={() => mine.refetch()} retrying={mine.isFetching} />
        ) : (
          <LoadError
            title="We couldn't load your restaurants"
            message={problemOf(mine.error).message}
            onRetry={() => mine.refetch()}
            retrying={mine.isFetching}
          />
        )}
      </div>
    );
  }
  if (!mine.data || !choice.ready) return <BoardSkeleton />;
  if (mine.data.length === 0) {
    return (
      <EmptyState
        headingLevel={1}
        icon="🧑‍🍳"
        title="Your account isn't linked to a restaurant yet"
        description="Ask your restaurant's owner to add you to their team on Tiffin, then sign in again."
        variant="page"
      />
    );
  }

  // A link for a restaurant this account doesn't work for: say so, show theirs instead.
  const notice = choice.notYours ? (
    <Alert tone="warning" live="status" title="That restaurant isn't on your account" className="mb-6">
      Orders are shown only to the people who work at a restaurant.{" "}
      {choice.chosen ? "Here are your restaurant's orders instead." : "Choose one of your restaurants."}
    </Alert>
  ) : null;

  if (!choice.chosen)
    return <RestaurantPicker restaurants={mine.data} onChoose={choice.choose} notice={notice} />;
  return (
    <TicketBoard
      key={choice.chosen.id}
      restaurant={choice.chosen}
      notice={notice}
      onSwitch={mine.data.length > 1 ? () => choice.choose(null) : undefined}
    />
  );
}
