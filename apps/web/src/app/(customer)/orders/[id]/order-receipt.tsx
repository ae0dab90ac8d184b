import type { Order } from "@tiffin/orders";
import { Card, MapPinIcon } from "@tiffin/ui";
import { Bill } from "@/components/bill";
import { formatDateTime } from "@/lib/time";
import { paymentText } from "@/orders/order-status";

/** What was ordered and paid, and where it goes. */
export function OrderReceipt({ order }: { order: Order }) {
  const payment = paymentText(order);
  return (
    <>
      <Card className="p-5 sm:p-8">
        <h2 className="text-lg font-bold">Your order from {order.restaurantName}</h2>
        <p className="mt-1 text-sm text-stone-600">
          Placed <time dateTime={order.placedAt}>{formatDateTime(new Date(order.placedAt))}</time>
        </p>
        <Bill priced={order} />
        {payment && (
          <p className="mt-4 border-t border-stone-200 pt-3 text-sm text-stone-700">
            <span className="font-semibold text-stone-900">Payment: </span>
            {payment}
          </p>
        )}
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
    </>
  );
}
