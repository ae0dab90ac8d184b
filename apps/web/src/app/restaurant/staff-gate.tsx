"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@tiffin/ui";
import type { ReactNode } from "react";
import { SignInPrompt, WrongAccount } from "@/components/account-gates";
import { LoadError } from "@/components/load-error";
import { useSession } from "@/session/use-session";
import { problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";
import { BoardSkeleton } from "./board-skeleton";
import { RestaurantPicker } from "./restaurant-picker";
import type { MyRestaurant } from "./types";
import { type RestaurantChoice, useRestaurantChoice } from "./use-restaurant-choice";

/*
 * What every staff screen (the orders board, the menu editor) does before it shows anything: the sign-in
 * gate for restaurant staff, then which of the account's restaurants the screen is for.
 */

const STAFF_TITLE = "This page is for restaurant staff";

/** Restaurant staff only; anyone else is told who the page is for and why. */
export function StaffGate({
  next,
  signInDescription,
  wrongAccountReason,
  children,
}: {
  next: string;
  signInDescription: string;
  wrongAccountReason: string;
  children: ReactNode;
}) {
  const session = useSession();
  if (session.status === "loading") return <BoardSkeleton />;
  if (session.status === "signed-out") {
    return <SignInPrompt icon="🧑‍🍳" title={STAFF_TITLE} description={signInDescription} next={next} />;
  }
  if (session.actor.role !== "restaurant") {
    return (
      <WrongAccount
        actor={session.actor}
        icon="🧑‍🍳"
        title={STAFF_TITLE}
        reason={wrongAccountReason}
        next={next}
      />
    );
  }
  return children;
}

/**
 * The restaurants the account works for (`restaurants.myRestaurants`), one chosen by `useRestaurantChoice`
 * (else a picker); `children` renders the chosen one's screen. `unavailable` replaces the load error when
 * the service is down and the screen has something better to say; `notice` is shown above the screen.
 */
export function ChosenRestaurant({
  unavailable,
  notice,
  children,
}: {
  unavailable?: (error: unknown, retry: () => void, retrying: boolean) => ReactNode | null;
  notice?: (choice: RestaurantChoice) => ReactNode;
  children: (restaurant: MyRestaurant, notice: ReactNode, onSwitch: (() => void) | undefined) => ReactNode;
}) {
  const trpc = useTRPC();
  const mine = useQuery(trpc.restaurants.myRestaurants.queryOptions());
  const choice = useRestaurantChoice(mine.data);

  if (mine.isError && !mine.data) {
    const retry = () => mine.refetch();
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        {unavailable?.(mine.error, retry, mine.isFetching) ?? (
          <LoadError
            title="We couldn't load your restaurants"
            message={problemOf(mine.error).message}
            onRetry={retry}
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
  const shown = notice?.(choice) ?? null;
  if (!choice.chosen)
    return <RestaurantPicker restaurants={mine.data} onChoose={choice.choose} notice={shown} />;
  return children(choice.chosen, shown, mine.data.length > 1 ? () => choice.choose(null) : undefined);
}
