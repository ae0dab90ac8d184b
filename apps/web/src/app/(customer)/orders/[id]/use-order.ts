"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Order } from "@tiffin/orders";
import { isFinal } from "@/orders/order-status";
import { type Problem, problemOf } from "@/trpc/problem";
import { useTRPC, useTRPCClient } from "@/trpc/react";

/** How often an order that can still change is read again (polling; live push is its own issue). */
export const REFRESH_MS = 3_000;

/**
 * One order, kept fresh while it can still change (every few seconds until it is delivered, rejected or
 * cancelled), and the customer's cancel: the answer replaces the order on screen at once; a refusal
 * (the restaurant accepted first) is shown and the order read again.
 */
export function useOrder(orderId: string, enabled: boolean) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const queryKey = trpc.orders.get.queryKey({ orderId });
  const order = useQuery(
    trpc.orders.get.queryOptions(
      { orderId },
      {
        enabled,
        refetchInterval: (query) => {
          if (query.state.status === "error") return false;
          const data = query.state.data as Order | undefined;
          return data && isFinal(data.status) ? false : REFRESH_MS;
        },
      },
    ),
  );
  const cancel = useMutation({
    mutationFn: () => client.orders.cancel.mutate({ orderId }),
    onSuccess: (updated) => queryClient.setQueryData(queryKey, updated),
    onError: () => void order.refetch(),
  });
  const cancelProblem: Problem | undefined = cancel.isError ? problemOf(cancel.error) : undefined;
  return { order, cancel, cancelProblem };
}
