"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { KitchenTicket } from "@tiffin/restaurants";
import { announce } from "@/components/live-announcer";
import { problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";
import { clockIn, type StaffReason } from "./kitchen-format";

/**
 * A ticket's answers: accept with a prep time, reject with a reason, mark ready. Whatever the outcome
 * (done, or refused because the ticket changed meanwhile: a 409), every section of the board is read again
 * so it shows the ticket where it now is; the outcome is announced, and an error stays on the ticket.
 */
export const useTicketActions = (ticket: KitchenTicket) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ref = { restaurantId: ticket.restaurantId, orderId: ticket.orderId };
  const refreshBoard = () => queryClient.invalidateQueries({ queryKey: trpc.restaurants.tickets.pathKey() });
  const settle = {
    onSettled: refreshBoard,
    onError: (error: unknown) => announce(problemOf(error).message),
  };

  const accept = useMutation(
    trpc.restaurants.acceptTicket.mutationOptions({
      ...settle,
      onSuccess: (t) =>
        announce(
          `Order ${t.shortCode} accepted${t.readyBy ? `, ready by ${clockIn(t.timeZone, t.readyBy)}` : ""}.`,
        ),
    }),
  );
  const reject = useMutation(
    trpc.restaurants.rejectTicket.mutationOptions({
      ...settle,
      onSuccess: (t) => announce(`Order ${t.shortCode} rejected. The customer has been told.`),
    }),
  );
  const ready = useMutation(
    trpc.restaurants.markTicketReady.mutationOptions({
      ...settle,
      onSuccess: (t) => announce(`Order ${t.shortCode} is ready for pick-up.`),
    }),
  );

  const failed = accept.error ?? reject.error ?? ready.error;
  return {
    accept: (prepMinutes: number) => accept.mutateAsync({ ...ref, prepMinutes }),
    reject: (reason: StaffReason, note: string) =>
      reject.mutateAsync({ ...ref, reason, ...(note.trim() ? { note } : {}) }),
    markReady: () => ready.mutate(ref),
    accepting: accept.isPending,
    rejecting: reject.isPending,
    markingReady: ready.isPending,
    busy: accept.isPending || reject.isPending || ready.isPending,
    /** The last refusal, in the service's words (e.g. "…was cancelled by the customer…"). */
    problem: failed ? problemOf(failed) : undefined,
    clearProblem: () => {
      accept.reset();
      reject.reset();
      ready.reset();
    },
  };
};
export type TicketActions = ReturnType<typeof useTicketActions>;
