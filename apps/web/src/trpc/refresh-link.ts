import { TRPCClientError, type TRPCLink } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import { observable, type Unsubscribable } from "@trpc/server/observable";
import { type RefreshOutcome, SIGN_IN_UNAVAILABLE } from "../session/session";
import { problemOf } from "./problem";

export interface RefreshLinkOptions {
  /** Renews the session (shared between concurrent callers); see `refreshSession`. */
  refresh: () => Promise<RefreshOutcome>;
  /** The session is gone (refresh refused): the UI switches to "signed out". */
  onSignedOut: () => void;
}

const isUnauthorized = (error: unknown) => problemOf(error).status === 401;

/**
 * The service's 401, told as what it is when the session could not be renewed because the issuer is
 * down: not "your session expired, sign in again" (signing in would fail too), but "temporarily
 * unavailable, you are still signed in". Status and code stay the service's.
 */
const signInUnavailable = <TRouter extends AnyTRPCRouter>(error: TRPCClientError<TRouter>) =>
  new TRPCClientError<TRouter>(SIGN_IN_UNAVAILABLE, {
    cause: error,
    meta: error.meta,
    result: error.shape ? { error: { ...error.shape, message: SIGN_IN_UNAVAILABLE } } : undefined,
  });

/**
 * Access tokens last 15 minutes. When a call is answered 401, this link renews the session once and
 * sends the same operation again, so an expired token never surprises anyone with a sign-out. Only a
 * refused refresh reports "signed out"; an unreachable issuer keeps the session and answers "sign-in is
 * temporarily unavailable". Retrying is safe for mutations too: a 401 is given before a procedure runs.
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
                if (renewed.outcome === "signed-out") {
                  onSignedOut();
                  return observer.error(error);
                }
                observer.error(signInUnavailable(error));
              },
              () => observer.error(signInUnavailable(error)),
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
