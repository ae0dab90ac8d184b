"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "@tiffin/ui";
import { SignInPrompt, WrongAccount } from "@/components/account-gates";
import { LoadError } from "@/components/load-error";
import { useSession } from "@/session/use-session";
import { problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";
import { BoardSkeleton } from "../board-skeleton";
import { RestaurantPicker } from "../restaurant-picker";
import { useRestaurantChoice } from "../use-restaurant-choice";
import { MenuEditor } from "./menu-editor";

/** `/restaurant/menu`: for restaurant staff only, on the restaurant chosen as on the orders board. */
export function MenuEditorScreen() {
  const session = useSession();
  if (session.status === "loading") return <BoardSkeleton />;
  if (session.status === "signed-out") {
    return (
      <SignInPrompt
        icon="🧑‍🍳"
        title="This page is for restaurant staff"
        description="Sign in with your restaurant staff account to edit your menu."
        next="/restaurant/menu"
      />
    );
  }
  if (session.actor.role !== "restaurant") {
    return (
      <WrongAccount
        actor={session.actor}
        icon="🧑‍🍳"
        title="This page is for restaurant staff"
        reason="A restaurant's menu is edited only by the people who work there."
        next="/restaurant/menu"
      />
    );
  }
  return <StaffMenu />;
}

function StaffMenu() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.restaurants.myRestaurants.queryOptions());
  const choice = useRestaurantChoice(mine.data);
  if (mine.isError && !mine.data) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <LoadError
          title="We couldn't load your restaurants"
          message={problemOf(mine.error).message}
          onRetry={() => mine.refetch()}
          retrying={mine.isFetching}
        />
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
  if (!choice.chosen)
    return <RestaurantPicker restaurants={mine.data} onChoose={choice.choose} notice={null} />;
  return (
    <MenuEditor
      key={choice.chosen.id}
      restaurantId={choice.chosen.id}
      onSwitch={mine.data.length > 1 ? () => choice.choose(null) : undefined}
    />
  );
}
