import { Actor } from "@tiffin/kit/actor";
import { z } from "zod";

/*
 * The browser's view of the session. Tokens live in HttpOnly cookies the page can't read; the page only
 * learns WHO is signed in, from `/auth/session` (and `/auth/refresh`), as the kit's `Actor`. That module
 * is zod alone, so no token-verification code (jose, OpenAuth) ends up in the client bundle.
 */
/** Pages name roles from here as well as from the kit: one list, `roleLabels` in @tiffin/kit/actor. */
export { roleLabels } from "@tiffin/kit/actor";

const SessionBody = z.object({ actor: Actor.nullable(), renewable: z.boolean().optional() });

export type RefreshOutcome =
  | { outcome: "refreshed"; actor: Actor }
  | { outcome: "signed-out" }
  /** The issuer couldn't be reached: the session may well be fine, so nobody is signed out. */
  | { outcome: "unavailable" };

type Fetch = typeof fetch;

/** What the person is told while the issuer can't be reached (their session is kept meanwhile). */
export const SIGN_IN_UNAVAILABLE =
  "Signing in is temporarily unavailable. You are still signed in; try again in a moment.";

/** Who is signed in can't be told right now (the issuer is down or slow): not the same as signed out. */
export class SessionUnavailable extends Error {
  override name = "SessionUnavailable";
  constructor(message = SIGN_IN_UNAVAILABLE) {
    super(message);
  }
}

const post = (fetchFn: Fetch, url: string) =>
  fetchFn(url, { method: "POST", credentials: "same-origin", headers: { accept: "application/json" } });

let inFlight: Promise<RefreshOutcome> | undefined;

/**
 * Renews the session once for every caller waiting at the same moment: a batch of calls that all got 401
 * (or two tabs' worth) triggers one `POST /auth/refresh`, not one per call.
 */
export const refreshSession = (fetchFn: Fetch = fetch): Promise<RefreshOutcome> => {
  inFlight ??= (async (): Promise<RefreshOutcome> => {
    try {
      const res = await post(fetchFn, "/auth/refresh");
      if (res.status === 401) return { outcome: "signed-out" };
      if (!res.ok) return { outcome: "unavailable" };
      const body = SessionBody.safeParse(await res.json());
      return body.success && body.data.actor
        ? { outcome: "refreshed", actor: body.data.actor }
        : { outcome: "signed-out" };
    } catch {
      return { outcome: "unavailable" };
    }
  })().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
};

/**
 * Who is signed in (null: nobody). Renews an expired access token first when a refresh cookie exists.
 * Throws `SessionUnavailable` when that can't be told now (never answers "signed out" on a guess).
 */
export const loadSession = async (fetchFn: Fetch = fetch): Promise<Actor | null> => {
  const res = await fetchFn("/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => {
    throw new SessionUnavailable();
  });
  if (!res.ok) throw new SessionUnavailable();
  const body = SessionBody.parse(await res.json());
  if (body.actor || !body.renewable) return body.actor;
  const renewed = await refreshSession(fetchFn);
  if (renewed.outcome === "refreshed") return renewed.actor;
  if (renewed.outcome === "signed-out") return null;
  throw new SessionUnavailable();
};
