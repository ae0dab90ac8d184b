import type { Order } from "@tiffin/orders";
import { CheckIcon, ClockIcon, CloseIcon, cx } from "@tiffin/ui";
import { headlines, statusTone } from "@/orders/order-status";

const toneStyles = {
  success: { box: "from-emerald-50", badge: "bg-emerald-700" },
  neutral: { box: "from-emerald-50", badge: "bg-emerald-700" },
  warning: { box: "from-amber-50", badge: "bg-amber-700" },
  danger: { box: "from-red-50", badge: "bg-red-700" },
} as const;

/** The headline of the order page: where the order is, in one glance, and its code. */
export function OrderHeader({ order }: { order: Order }) {
  const tone = statusTone(order.status);
  const Icon = tone === "danger" ? CloseIcon : tone === "warning" ? ClockIcon : CheckIcon;
  return (
    <div className={cx("bg-linear-to-br to-white px-5 py-8 text-center sm:px-8", toneStyles[tone].box)}>
      <div
        className={cx(
          "mx-auto grid size-14 place-items-center rounded-full text-white shadow-md",
          toneStyles[tone].badge,
        )}
      >
        <Icon className="size-8" />
      </div>
      <h1 className="mt-4 text-3xl font-extrabold tracking-tight">{headlines[order.status]}</h1>
      <p className="mt-2 text-stone-700">
        {order.status === "placed"
          ? `${order.restaurantName} has your order. We'll keep this page up to date.`
          : `Your order from ${order.restaurantName}.`}
      </p>
      <p className="mt-4 inline-flex flex-wrap items-center justify-center gap-2 rounded-2xl bg-white px-4 py-2 ring-1 ring-stone-200">
        <span className="text-sm text-stone-600">Order code</span>
        <span className="font-mono text-xl font-bold tracking-widest">{order.shortCode}</span>
      </p>
    </div>
  );
}
