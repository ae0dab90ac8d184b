"use client";

import type { Order } from "@tiffin/orders";
import { Alert, Button } from "@tiffin/ui";
import { useState } from "react";
import { OrderStatusTimeline, statusLabel } from "@/components/order-status-timeline";
import { formatClock } from "@/lib/time";
import { canCancel, cancellationText, rejectionText } from "@/orders/order-status";
import type { Problem } from "@/trpc/problem";

/** Status, timeline, estimate, and what happened to a cancel request or why the order was rejected. */
export function OrderProgress({
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
  const outcome = cancellationText(order);
  return (
    <div className="space-y-5 border-t border-stone-100 px-5 py-6 sm:px-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-bold">Status</h2>
        <p role="status" className="text-sm font-semibold text-emerald-800">
          {statusLabel(order.status)}
        </p>
      </div>
      <OrderStatusTimeline order={order} />
      <Estimate order={order} />
      {order.rejection && (
        <Alert tone="danger" title="The restaurant couldn't take this order">
          {rejectionText(order.rejection, order.restaurantName)} You won't be charged: the hold on your card
          was released.
        </Alert>
      )}
      {outcome && (
        <Alert
          tone={order.cancellation?.outcome === "cancelled" ? "success" : "warning"}
          live="status"
          title="Your cancel request"
        >
          {outcome}
        </Alert>
      )}
      {cancelProblem && (
        <Alert tone="danger" live="alert" title="Your order wasn't cancelled">
          {cancelProblem.message}
        </Alert>
      )}
      {canCancel(order) && <CancelControl onCancel={onCancel} cancelling={cancelling} />}
    </div>
  );
}

/** When to expect the food: ready-by from the kitchen's prep time, then a delivery window. */
function Estimate({ order }: { order: Order }) {
  const { estimate } = order;
  if (
    !estimate ||
    order.status === "rejected" ||
    order.status === "cancelled" ||
    order.status === "delivered"
  ) {
    return null;
  }
  const clock = (iso: string) => <time dateTime={iso}>{formatClock(new Date(iso))}</time>;
  return (
    <dl className="grid gap-3 rounded-xl bg-stone-50 p-4 text-sm sm:grid-cols-2">
      <div>
        <dt className="font-semibold text-stone-900">{estimate.readyAt ? "Ready since" : "Ready by"}</dt>
        <dd className="mt-0.5 text-stone-700">
          {clock(estimate.readyAt ?? estimate.readyBy)}
          {!estimate.readyAt && ` (about ${estimate.prepMinutes} minutes to prepare)`}
        </dd>
      </div>
      <div>
        <dt className="font-semibold text-stone-900">Expected at your door</dt>
        <dd className="mt-0.5 text-stone-700">
          {clock(estimate.deliveryFrom)}–{clock(estimate.deliveryTo)}
        </dd>
      </div>
    </dl>
  );
}

/** Cancelling asks once more before it sends: it cannot be undone. */
function CancelControl({ onCancel, cancelling }: { onCancel: () => void; cancelling: boolean }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Cancel order
      </Button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200">
      <p className="flex-1 text-sm font-semibold text-amber-950">
        Cancel this order? You can until the restaurant accepts it.
      </p>
      <Button variant="danger" size="sm" onClick={onCancel} loading={cancelling}>
        Yes, cancel it
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={cancelling}>
        Keep my order
      </Button>
    </div>
  );
}
