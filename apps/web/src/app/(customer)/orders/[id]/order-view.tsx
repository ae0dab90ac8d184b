"use client";

import { useQuery } from "@tanstack/react-query";
import type { Order } from "@tiffin/orders";
import { Alert, Button, buttonStyles, Card, CheckIcon, EmptyState, MapPinIcon, Skeleton } from "@tiffin/ui";
import Link from "next/link";
import { SignInPrompt, WrongAccount } from "@/components/account-gates";
import { Bill } from "@/components/bill";
import { OrderStatusTimeline, statusLabel } from "@/components/order-status-timeline";
import { useDocumentTitle } from "@/components/use-document-title";
import { formatDateTime } from "@/lib/time";
import { isUuid } from "@/lib/uuid";
import { useSession } from "@/session/use-session";
import { problemOf } from "@/trpc/problem";
import { useTRPC } from "@/trpc/react";

const REFRESH_MS = 5_000;

function OrderNotFound() {
  return (
    <EmptyState
      headingLevel={1}
      icon="🧾"
      title="We couldn't find that order"
      description="The link may be incomplete. Check that you copied all of it, or start a new order."
      action={
        <Link href="/" className={buttonStyles()}>
          Browse restaurants
        </Link>
      }
      variant="page"
    />
  );
}

export function OrderView({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const session = useSession();
  const valid = isUuid(orderId);
  const isCustomer = session.status === "signed-in" && session.actor.role === "customer";
  const order = useQuery(
    trpc.orders.get.queryOptions(
      { orderId },
      {
        // Only the customer who placed an order can see it; anyone else's answer is "not found".
        enabled: valid && isCustomer,
        // Keep the status fresh while the page is open; stop asking once the order can't be loaded.
        refetchInterval: (query) => (query.state.status === "error" ? false : REFRESH_MS),
      },
    ),
  );
  useDocumentTitle(order.data ? `Order ${order.data.shortCode}` : undefined);

  if (!valid) return <OrderNotFound />;
  if (session.status === "loading") return <OrderSkeleton />;
  if (session.status === "signed-out") {
    return (
      <SignInPrompt
        icon="🧾"
        title="Sign in to see your order"
        description="An order is shown only to the account that placed it."
        next={`/orders/${orderId}`}
      />
    );
  }
  if (!isCustomer) {
    return (
      <WrongAccount
        actor={session.actor}
        icon="🧾"
        title="Orders are shown to the customer who placed them"
        reason="Sign in with the customer account that placed this order to follow it."
        next={`/orders/${orderId}`}
      />
    );
  }
  if (order.isPending) return <OrderSkeleton />;
  if (order.isError && !order.data) {
    const problem = problemOf(order.error);
    if (problem.status === 404 || problem.status === 400) return <OrderNotFound />;
    return (
      <div className="mx-auto max-w-3xl px-4 py-12">
        <Alert
          tone="danger"
          live="alert"
          title="We couldn't load your order"
          action={
            <Button variant="secondary" size="sm" onClick={() => order.refetch()} loading={order.isFetching}>
              Try again
            </Button>
          }
        >
          {problem.message} Your order is safe: this page only shows it.
        </Alert>
      </div>
    );
  }
  return <OrderDetails order={order.data} />;
}

function OrderDetails({ order }: { order: Order }) {
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6">
      <Card className="overflow-hidden">
        <div className="bg-linear-to-br from-emerald-50 to-white px-5 py-8 text-center sm:px-8">
          <div className="mx-auto grid size-14 place-items-center rounded-full bg-emerald-700 text-white shadow-md">
            <CheckIcon className="size-8" />
          </div>
          <h1 className="mt-4 text-3xl font-extrabold tracking-tight">Order placed</h1>
          <p className="mt-2 text-stone-700">
            {order.restaurantName} has your order. We'll keep this page up to date.
          </p>
          <p className="mt-4 inline-flex flex-wrap items-center justify-center gap-2 rounded-2xl bg-white px-4 py-2 ring-1 ring-stone-200">
            <span className="text-sm text-stone-600">Order code</span>
            <span className="font-mono text-xl font-bold tracking-widest">{order.shortCode}</span>
          </p>
        </div>
        <div className="border-t border-stone-100 px-5 py-6 sm:px-8">
          <div className="mb-5 flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-bold">Status</h2>
            <p role="status" className="text-sm font-semibold text-emerald-800">
              {statusLabel(order.status)}
            </p>
          </div>
          <OrderStatusTimeline order={order} />
        </div>
      </Card>

      <Card className="p-5 sm:p-8">
        <h2 className="text-lg font-bold">Your order from {order.restaurantName}</h2>
        <p className="mt-1 text-sm text-stone-600">
          Placed <time dateTime={order.placedAt}>{formatDateTime(new Date(order.placedAt))}</time>
        </p>
        <Bill priced={order} />
      </Card>

      <Card className="p-5 sm:p-8">
        <h2 className="text-lg font-bold">Delivery</h2>
        <dl className="mt-3 grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-semibold text-stone-900">Address</dt>
            <dd className="mt-1 flex gap-1.5 text-stone-700">
              <MapPinIcon className="mt-0.5 size-4 shrink-0" />
              <span className="whitespace-pre-line">{order.delivery.address}</span>
            </dd>
          </div>
          <div>
            <dt className="font-semibold text-stone-900">Contact</dt>
            <dd className="mt-1 text-stone-700">
              {order.customer.name} · {order.customer.phone}
            </dd>
          </div>
          {order.delivery.notes && (
            <div className="sm:col-span-2">
              <dt className="font-semibold text-stone-900">Notes for the courier</dt>
              <dd className="mt-1 whitespace-pre-line text-stone-700">{order.delivery.notes}</dd>
            </div>
          )}
        </dl>
      </Card>

      <div className="text-center">
        <Link href="/" className={buttonStyles({ variant: "secondary" })}>
          Order something else
        </Link>
      </div>
    </div>
  );
}

function OrderSkeleton() {
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6" aria-busy="true">
      <p role="status" className="sr-only">
        Loading your order…
      </p>
      <Skeleton className="h-80 rounded-2xl" />
      <Skeleton className="h-56 rounded-2xl" />
    </div>
  );
}
