"use client";

import type { Order } from "@tiffin/orders";
import { Alert, Button, buttonStyles, Card, EmptyState, Skeleton } from "@tiffin/ui";
import Link from "next/link";
import { SignInPrompt, WrongAccount } from "@/components/account-gates";
import { useDocumentTitle } from "@/components/use-document-title";
import { isUuid } from "@/lib/uuid";
import { useSession } from "@/session/use-session";
import { type Problem, problemOf } from "@/trpc/problem";
import { OrderHeader } from "./order-header";
import { OrderProgress } from "./order-progress";
import { OrderReceipt } from "./order-receipt";
import { useOrder } from "./use-order";

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

/** `/orders/<id>`: one of the signed-in customer's orders, moving along as the kitchen answers. */
export function OrderView({ orderId }: { orderId: string }) {
  const session = useSession();
  const valid = isUuid(orderId);
  const isCustomer = session.status === "signed-in" && session.actor.role === "customer";
  // Only the customer who placed an order can see it; anyone else's answer is "not found".
  const { order, cancel, cancelProblem } = useOrder(orderId, valid && isCustomer);
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
    return <OrderLoadError problem={problem} onRetry={() => order.refetch()} retrying={order.isFetching} />;
  }
  return (
    <OrderDetails
      order={order.data}
      onCancel={() => cancel.mutate()}
      cancelling={cancel.isPending}
      cancelProblem={cancelProblem}
    />
  );
}

function OrderDetails({
  order,
  onCancel,
  cancelling,
  cancelProblem,
}: {
  order: Order;
  onCancel: () => void;
  cancelling: boolean;
  cancelProblem: Problem | undefined;
}) {
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6">
      <Card className="overflow-hidden">
        <OrderHeader order={order} />
        <OrderProgress
          order={order}
          onCancel={onCancel}
          cancelling={cancelling}
          cancelProblem={cancelProblem}
        />
      </Card>
      <OrderReceipt order={order} />
      <div className="text-center">
        <Link href="/" className={buttonStyles({ variant: "secondary" })}>
          Order something else
        </Link>
      </div>
    </div>
  );
}

function OrderLoadError({
  problem,
  onRetry,
  retrying,
}: {
  problem: Problem;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <Alert
        tone="danger"
        live="alert"
        title="We couldn't load your order"
        action={
          <Button variant="secondary" size="sm" onClick={onRetry} loading={retrying}>
            Try again
          </Button>
        }
      >
        {problem.message} Your order is safe: this page only shows it.
      </Alert>
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
