import type { TRPCClientError, TRPCLink } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import { observable, type Unsubscribable } from "@trpc/server/observable";
import type { RefreshOutcome } from "../session/session";
import { problemOf } from "./problem";

export interface RefreshLinkOptions {
  /** Renews the session (shared between concurrent callers); see `refreshSession`. */
  refresh: () => Promise<RefreshOutcome>;
  /** The session is gone (refresh refused): the UI switches to "signed out". */
  onSignedOut: () => void;
}

const isUnauthorized = (error: unknown) => problemOf(error).status === 401;

/**
 * Access tokens last 15 minutes. When a call is answered 401, this link renews the session once and
 * sends the same operation again, so an expired token never surprises anyone with a sign-out. Only a
 * refused refresh reports "signed out"; an unreachable issuer just surfaces the original error. Retrying
 * is safe for mutations too: a 401 is given before a procedure runs.
 */
export const refreshLink =
  <TRouter extends AnyTRPCRouter>({ refresh, onSignedOut }: RefreshLinkOptions): TRPCLink<TRouter> =>
  () =>
  ({ op, next }) =>
    observable((observer) => {
      let current: Unsubscribable | undefined;
      let closed = false;
      const attempt = (retried: boolean) => {
        current = next(op).subscribe({
          next: (value) => observer.next(value),
          complete: () => observer.complete(),
          error: (error: TRPCClientError<TRouter>) => {
            if (retried || !isUnauthorized(error)) return observer.error(error);
            refresh().then(
              (renewed) => {
                if (closed) return;
                if (renewed.outcome === "refreshed") return attempt(true);
                if (renewed.outcome === "signed-out") onSignedOut();
                observer.error(error);
              },
              () => observer.error(error),
            );
          },
        });
      };
      attempt(false);
      return () => {
        closed = true;
        current?.unsubscribe();
      };
    });
