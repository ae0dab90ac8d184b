"use client";

import { useMutation } from "@tanstack/react-query";
import type { Order } from "@tiffin/orders";
import { Alert, Button, buttonStyles } from "@tiffin/ui";
import Link from "next/link";
import { useState } from "react";
import { dispatchCart } from "@/cart/cart-store";
import { cartActionsFor, type ReorderAnswer, reorderNotes } from "@/orders/reorder";
import { type Problem, problemOf } from "@/trpc/problem";
import { useTRPCClient } from "@/trpc/react";

interface Outcome {
  orderCode: string;
  answer: ReorderAnswer;
}

/**
 * "Order again": the service prices the old order against today's menu; the still-available lines go in
 * the cart (replacing what was there) and the page says what changed, dish by dish.
 */
export function useReorder() {
  const client = useTRPCClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const mutation = useMutation({
    mutationFn: (order: Order) => client.orders.reorder.mutate({ orderId: order.id }),
    onMutate: () => {
      setOutcome(null);
      setProblem(null);
    },
    onSuccess: (answer, order) => {
      for (const action of cartActionsFor(answer)) dispatchCart(action);
      setOutcome({ orderCode: order.shortCode, answer });
    },
    onError: (error) => setProblem(problemOf(error)),
  });
  return { mutation, outcome, problem };
}

export function ReorderButton({ order, reorder }: { order: Order; reorder: ReturnType<typeof useReorder> }) {
  const busy = reorder.mutation.isPending && reorder.mutation.variables?.id === order.id;
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={() => reorder.mutation.mutate(order)}
      loading={busy}
      disabled={reorder.mutation.isPending}
      aria-label={`Order again from ${order.restaurantName} (order ${order.shortCode})`}
    >
      Order again
    </Button>
  );
}

/** What the last "order again" did: the cart it filled and what changed, or why it could not. */
export function ReorderNotice({ reorder }: { reorder: ReturnType<typeof useReorder> }) {
  const { outcome, problem } = reorder;
  if (problem) {
    return (
      <Alert tone="danger" live="alert" title="We couldn't repeat that order" className="mt-6">
        {problem.message}
      </Alert>
    );
  }
  if (!outcome) return null;
  const { answer, orderCode } = outcome;
  const notes = reorderNotes(answer);
  const count = answer.lines.reduce((sum, line) => sum + line.quantity, 0);
  const filled = answer.lines.length > 0;
  return (
    <Alert
      tone={notes.length === 0 ? "success" : "warning"}
      live="status"
      className="mt-6"
      title={
        filled
          ? `${count === 1 ? "1 item" : `${count} items`} from order ${orderCode} ${count === 1 ? "is" : "are"} in your cart`
          : `Nothing from order ${orderCode} can be ordered right now`
      }
      action={
        filled ? (
          <Link href="/checkout" className={buttonStyles({ size: "sm" })}>
            Go to checkout
          </Link>
        ) : undefined
      }
    >
      {notes.length === 0 ? (
        `Same dishes, same prices as last time, from ${answer.restaurant.name}.`
      ) : (
        <ul className="list-disc space-y-1 pl-5">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
