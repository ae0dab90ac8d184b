"use client";

import { useQuery } from "@tanstack/react-query";
import type { Order } from "@tiffin/orders";
import { Badge, buttonStyles, cardStyles, cx, EmptyState, focusRing, Price, Skeleton } from "@tiffin/ui";
import Link from "next/link";
import { SignInPrompt, WrongAccount } from "@/components/account-gates";
import { LoadError } from "@/components/load-error";
import { statusLabel } from "@/components/order-status-timeline";
import { formatDateTime } from "@/lib/time";
import { statusTone } from "@/orders/order-status";
import { useSession } from "@/session/use-session";
import { problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";
import { ReorderButton, ReorderNotice, useReorder } from "./reorder";

/** `/orders`: the signed-in customer's orders, newest first, each linking to its live status page. */
export function OrderHistory() {
  const trpc = useTRPC();
  const session = useSession();
  const isCustomer = session.status === "signed-in" && session.actor.role === "customer";
  const orders = useQuery(trpc.orders.mine.queryOptions(undefined, { enabled: isCustomer, staleTime: 0 }));
  const reorder = useReorder();

  if (session.status === "loading") return <HistorySkeleton />;
  if (session.status === "signed-out") {
    return (
      <SignInPrompt
        icon="🧾"
        title="Sign in to see your orders"
        description="Your orders are kept with your account, so you can follow them from any device."
        next="/orders"
      />
    );
  }
  if (!isCustomer) {
    return (
      <WrongAccount
        actor={session.actor}
        icon="🧾"
        title="Order history is for customer accounts"
        reason="This account doesn't place orders, so it has no order history."
        next="/orders"
      />
    );
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight">Your orders</h1>
      <ReorderNotice reorder={reorder} />
      <div className="mt-6">
        {orders.isError && !orders.data ? (
          <LoadError
            title="We couldn't load your orders"
            message={problemOf(orders.error).message}
            onRetry={() => orders.refetch()}
            retrying={orders.isFetching}
          />
        ) : !orders.data ? (
          <HistorySkeleton bare />
        ) : orders.data.length === 0 ? (
          <div className={cardStyles()}>
            <EmptyState
              icon="🛍️"
              title="No orders yet"
              description="When you place an order it shows up here, with its status."
              action={
                <Link href="/" className={buttonStyles()}>
                  Browse restaurants
                </Link>
              }
            />
          </div>
        ) : (
          <ul className="space-y-3">
            {orders.data.map((order) => (
              <li key={order.id}>
                <OrderRow order={order} reorder={reorder} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

const badgeTone = { success: "success", neutral: "success", warning: "warning", danger: "danger" } as const;

function OrderRow({ order, reorder }: { order: Order; reorder: ReturnType<typeof useReorder> }) {
  const items = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <div className={cardStyles("flex flex-wrap items-center gap-x-4 gap-y-3 p-4 sm:p-5")}>
      <Link
        href={`/orders/${order.id}`}
        className={cx("flex min-w-0 flex-1 flex-wrap items-center gap-x-4 gap-y-2 rounded-lg", focusRing)}
      >
        <span className="min-w-0 flex-1">
          <span className="block font-bold text-stone-900 hover:underline">{order.restaurantName}</span>
          <span className="block text-sm text-stone-600">
            <time dateTime={order.placedAt}>{formatDateTime(new Date(order.placedAt))}</time> · {items}{" "}
            {items === 1 ? "item" : "items"} · <Price cents={order.totalCents} />
          </span>
        </span>
        <span className="flex items-center gap-3">
          <Badge tone={badgeTone[statusTone(order.status)]} size="md">
            {statusLabel(order.status)}
          </Badge>
          <span className="font-mono text-sm font-bold tracking-widest text-stone-700">
            <span className="sr-only">Order </span>
            {order.shortCode}
          </span>
        </span>
      </Link>
      <ReorderButton order={order} reorder={reorder} />
    </div>
  );
}

function HistorySkeleton({ bare = false }: { bare?: boolean }) {
  const rows = (
    <div className="space-y-3" aria-busy="true">
      <p role="status" className="sr-only">
        Loading your orders…
      </p>
      {["a", "b", "c"].map((key) => (
        <Skeleton key={key} className="h-20 rounded-2xl" />
      ))}
    </div>
  );
  if (bare) return rows;
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <Skeleton className="h-9 w-48 rounded-md" />
      <div className="mt-6">{rows}</div>
    </div>
  );
}
