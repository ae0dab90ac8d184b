"use client";

import { useQuery } from "@tanstack/react-query";
import type { Actor } from "@tiffin/kit/actor";
import { loadSession, SessionUnavailable } from "./session";

export const sessionQueryKey = ["tiffin", "session"] as const;

export type SessionState =
  /** Not known yet; `unavailable` when the issuer can't be reached (the person may well be signed in). */
  | { status: "loading"; actor?: undefined; unavailable?: boolean }
  | { status: "signed-out"; actor?: undefined }
  | { status: "signed-in"; actor: Actor };

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
  if (session.error instanceof SessionUnavailable) return { status: "loading", unavailable: true };
  return { status: "loading" };
};
