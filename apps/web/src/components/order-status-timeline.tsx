import type { Order, OrderStatus } from "@tiffin/orders";
import { type Step, Steps } from "@tiffin/ui";
import { formatClock } from "@/lib/time";

/** The journey every order takes; the orders service reports how far along it is. */
const journey = ["Placed", "Accepted", "Ready", "On the way", "Delivered"] as const;

const stepOf: Record<OrderStatus, (typeof journey)[number]> = { placed: "Placed" };

export const statusLabel = (status: OrderStatus): string => stepOf[status];

export function OrderStatusTimeline({ order }: { order: Pick<Order, "status" | "timeline"> }) {
  const reachedAt = new Map(order.timeline.map((entry) => [stepOf[entry.status], entry.at]));
  const steps: Step[] = journey.map((label) => {
    const at = reachedAt.get(label);
    return { label, detail: at ? <time dateTime={at}>{formatClock(new Date(at))}</time> : undefined };
  });
  return <Steps steps={steps} current={journey.indexOf(stepOf[order.status])} label="Order progress" />;
}
