"use client";

import type { KitchenTicket } from "@tiffin/restaurants";
import { Alert, Badge, Button, cardStyles, cx, Price } from "@tiffin/ui";
import { useState } from "react";
import { formatDateTime, timeAgo } from "@/lib/time";
import { AcceptDialog } from "./accept-dialog";
import { clockIn, minutesLeft, outcomeOf, statusBadge } from "./kitchen-format";
import { RejectDialog } from "./reject-dialog";
import { useTicketActions } from "./use-ticket-actions";

/** A ticket this young is highlighted, so a new order stands out on a busy screen. */
const FRESH_MS = 60_000;

/** One order as the kitchen reads it: code, age, customer, dishes and options, notes, total, and its next step. */
export function TicketCard({
  ticket,
  now,
  busyExtraMinutes = 0,
}: {
  ticket: KitchenTicket;
  now: number;
  busyExtraMinutes?: number;
}) {
  const placedAt = new Date(ticket.placedAt);
  const fresh = ticket.status === "new" && now - placedAt.getTime() < FRESH_MS;
  const headingId = `ticket-${ticket.orderId}`;
  const badge = statusBadge[ticket.status];
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
        <Badge tone={badge.tone} size="md">
          {badge.label}
        </Badge>
      </div>
      <ul className="mt-3 space-y-1.5 border-t border-stone-100 pt-3">
        {ticket.lines.map((line, i) => (
          // The same dish with other options is another line: the index keeps them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: lines never reorder
          <li key={`${line.itemId}-${i}`} className="flex gap-2">
            <span className="min-w-8 font-bold tabular-nums text-stone-900">{line.quantity}×</span>
            <span>
              {line.name}
              {line.options.length > 0 && (
                <span className="block text-sm text-stone-600">
                  {line.options.map((o) => `${o.groupName}: ${o.name}`).join(" · ")}
                </span>
              )}
            </span>
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
        <TicketProgress ticket={ticket} now={now} />
        {(ticket.status === "new" || ticket.status === "accepted") && (
          <TicketActions ticket={ticket} busyExtraMinutes={busyExtraMinutes} />
        )}
      </div>
    </article>
  );
}

/** Where the ticket stands in time: answer by, ready by, ready since, or how it ended. */
function TicketProgress({ ticket, now }: { ticket: KitchenTicket; now: number }) {
  const at = (iso: string) => clockIn(ticket.timeZone, iso);
  let text: string;
  if (ticket.status === "new") {
    text = `Answer by ${at(ticket.answerBy)} (${minutesLeft(ticket.answerBy, now)}), or it is rejected automatically.`;
  } else if (ticket.status === "accepted" && ticket.readyBy) {
    text = `Ready by ${at(ticket.readyBy)} (${minutesLeft(ticket.readyBy, now)}) · ${ticket.prepMinutes} min prep`;
  } else if (ticket.status === "ready" && ticket.readyAt) {
    text = `Ready since ${at(ticket.readyAt)}, waiting for pick-up.`;
  } else {
    text = outcomeOf(ticket);
  }
  return text ? <p className="mt-2 text-sm font-medium text-stone-700">{text}</p> : null;
}

function TicketActions({ ticket, busyExtraMinutes }: { ticket: KitchenTicket; busyExtraMinutes: number }) {
  const actions = useTicketActions(ticket);
  const [dialog, setDialog] = useState<"accept" | "reject" | undefined>();
  const close = () => setDialog(undefined);
  return (
    <div className="mt-3 space-y-3">
      {actions.problem && !dialog && (
        <Alert
          tone="danger"
          live="alert"
          title="That didn't work"
          action={
            <Button variant="secondary" size="sm" onClick={actions.clearProblem}>
              Dismiss
            </Button>
          }
        >
          {actions.problem.message}
        </Alert>
      )}
      {ticket.status === "new" ? (
        <div className="grid grid-cols-2 gap-2">
          <Button
            size="lg"
            onClick={() => {
              actions.clearProblem();
              setDialog("accept");
            }}
            disabled={actions.busy}
          >
            Accept
          </Button>
          <Button
            size="lg"
            variant="danger"
            onClick={() => {
              actions.clearProblem();
              setDialog("reject");
            }}
            disabled={actions.busy}
          >
            Reject
          </Button>
        </div>
      ) : (
        <Button size="lg" block onClick={actions.markReady} loading={actions.markingReady}>
          Mark ready
        </Button>
      )}
      {dialog === "accept" && (
        <AcceptDialog
          ticket={ticket}
          open
          onClose={close}
          onAccept={actions.accept}
          accepting={actions.accepting}
          busyExtraMinutes={busyExtraMinutes}
        />
      )}
      {dialog === "reject" && (
        <RejectDialog
          ticket={ticket}
          open
          onClose={close}
          onReject={actions.reject}
          rejecting={actions.rejecting}
        />
      )}
    </div>
  );
}
