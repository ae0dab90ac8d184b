"use client";

import { useQuery } from "@tanstack/react-query";
import { loadSession, type SessionActor } from "./session";

export const sessionQueryKey = ["tiffin", "session"] as const;

export type SessionState =
  | { status: "loading"; actor?: undefined }
  | { status: "signed-out"; actor?: undefined }
  | { status: "signed-in"; actor: SessionActor };

/**
 * Who is signed in, shared by every component (one `/auth/session` request per page load). Set to
 * signed-out by the tRPC link when a refresh is refused, and by sign-out.
 */
export const useSession = (): SessionState => {
  const session = useQuery({
    queryKey: sessionQueryKey,
    queryFn: () => loadSession(),
    staleTime: 5 * 60_000,
    retry: 2,
  });
  if (session.data) return { status: "signed-in", actor: session.data };
  if (session.data === null) return { status: "signed-out" };
  // Unknown (still loading, or the check itself failed): never claim "signed out" on a guess.
  return { status: "loading" };
};
