import type { Order, OrderStatus } from "@tiffin/orders";
import { type Step, Steps } from "@tiffin/ui";
import { formatClock } from "@/lib/time";
import { statusLabels, timelineSteps } from "@/orders/order-status";

export const statusLabel = (status: OrderStatus): string => statusLabels[status];

/** The order's steps with the time each one happened; the step reached last is the current one. */
export function OrderStatusTimeline({ order }: { order: Pick<Order, "status" | "timeline"> }) {
  const { steps, current } = timelineSteps(order);
  const shown: Step[] = steps.map(({ label, at }) => ({
    label,
    detail: at ? <time dateTime={at}>{formatClock(new Date(at))}</time> : undefined,
  }));
  return <Steps steps={shown} current={current} label="Order progress" />;
}
