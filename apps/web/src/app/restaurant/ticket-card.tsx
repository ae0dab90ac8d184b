import type { KitchenTicket } from "@tiffin/restaurants";
import { Badge, cardStyles, cx, Price } from "@tiffin/ui";
import { formatDateTime, timeAgo } from "@/lib/time";

/** A ticket this young is highlighted, so a new order stands out on a busy screen. */
const FRESH_MS = 60_000;

/** One order as the kitchen reads it: code, age, customer, dishes, notes, total. */
export function TicketCard({ ticket, now }: { ticket: KitchenTicket; now: number }) {
  const placedAt = new Date(ticket.placedAt);
  const fresh = now - placedAt.getTime() < FRESH_MS;
  const headingId = `ticket-${ticket.orderId}`;
  return (
    <article
      aria-labelledby={headingId}
      className={cardStyles(cx("flex w-full flex-col p-4", fresh && "outline-2 outline-orange-500"))}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="font-mono text-2xl font-bold tracking-widest">
            <span className="sr-only">Order </span>
            {ticket.shortCode}
          </h2>
          <p className="text-sm text-stone-600">
            <time dateTime={ticket.placedAt} title={formatDateTime(placedAt)}>
              {timeAgo(placedAt, new Date(now))}
            </time>{" "}
            · {ticket.customerName}
          </p>
        </div>
        <Badge tone="brand" size="md">
          New
        </Badge>
      </div>
      <ul className="mt-3 space-y-1.5 border-t border-stone-100 pt-3">
        {ticket.lines.map((line) => (
          <li key={line.itemId} className="flex gap-2">
            <span className="min-w-8 font-bold tabular-nums text-stone-900">{line.quantity}×</span>
            <span>{line.name}</span>
          </li>
        ))}
      </ul>
      {ticket.deliveryNotes && (
        <p className="mt-3 rounded-lg bg-amber-50 p-2.5 text-sm text-amber-900">
          <span className="font-semibold">Note: </span>
          {ticket.deliveryNotes}
        </p>
      )}
      <div className="mt-auto pt-3">
        <div className="flex items-center justify-between border-t border-stone-100 pt-3 text-sm">
          <span className="text-stone-600">
            {ticket.itemCount} {ticket.itemCount === 1 ? "item" : "items"}
          </span>
          <Price cents={ticket.totalCents} className="font-bold text-stone-900" />
        </div>
      </div>
    </article>
  );
}
