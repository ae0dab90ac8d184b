"use client";

import { SignInPrompt, WrongAccount } from "@/components/account-gates";
import { useSession } from "@/session/use-session";
import { BoardSkeleton } from "./board-skeleton";
import { StaffDashboard } from "./staff-dashboard";

/** `/restaurant`, for restaurant staff only; anyone else is told who the page is for. */
export function KitchenDashboard() {
  const session = useSession();
  if (session.status === "loading") return <BoardSkeleton />;
  if (session.status === "signed-out") {
    return (
      <SignInPrompt
        icon="🧑‍🍳"
        title="This page is for restaurant staff"
        description="Sign in with your restaurant staff account to see your kitchen's incoming orders."
        next="/restaurant"
      />
    );
  }
  if (session.actor.role !== "restaurant") {
    return (
      <WrongAccount
        actor={session.actor}
        icon="🧑‍🍳"
        title="This page is for restaurant staff"
        reason="A restaurant's incoming orders are shown only to the people who work there."
        next="/restaurant"
      />
    );
  }
  return <StaffDashboard />;
}
