import { createRelay, type RelayDeps } from "@tiffin/outbox";
import type { EventSender, Log, Outbox, OutboxEntry } from "./ports";

/**
 * The relay of orders' outbox: sends the events (OrderPlaced, OrderCancelRequested) a crashed or failed
 * request saved but did not send, with the shared rules of @tiffin/outbox (oldest first, past failures, backoff, parking).
 */
export const relayOutbox = (
  deps: { outbox: Outbox; sender: EventSender; now: () => Date; log: Log },
  options: Pick<RelayDeps<OutboxEntry>, "policy" | "pageSize" | "budgetMs"> = {},
) =>
  createRelay<OutboxEntry>({
    store: deps.outbox,
    send: (entry) => deps.sender.send(entry.event),
    now: deps.now,
    log: deps.log,
    describe: (entry) => ({
      orderId: entry.orderId,
      type: entry.event.type,
      correlationId: entry.event.correlationId,
    }),
    ...options,
  });
