import type { FulfillmentSender, Log, Outbox, OutboxEntry } from "./ports";

export const RELAY_BATCH = 25;

/** Sends one outbox entry, then marks it sent. If marking fails the entry is sent again later: consumers are idempotent. */
export const sendEntry = async (
  deps: { outbox: Outbox; sender: FulfillmentSender; now: () => Date },
  entry: OutboxEntry,
): Promise<void> => {
  await deps.sender.send(entry.event);
  await deps.outbox.markSent(entry, deps.now());
};

/**
 * The relay: sends whatever was saved but not sent (the request crashed, or the queue was down).
 * Runs on a schedule; an entry that fails stays pending for the next run.
 */
export const relayOutbox =
  (deps: { outbox: Outbox; sender: FulfillmentSender; now: () => Date; log: Log }) =>
  async (): Promise<{ sent: number; failed: number }> => {
    let sent = 0;
    let failed = 0;
    for (const entry of await deps.outbox.pending(RELAY_BATCH)) {
      try {
        await sendEntry(deps, entry);
        sent++;
        deps.log.info("outbox entry relayed", {
          orderId: entry.orderId,
          eventId: entry.id,
          correlationId: entry.event.correlationId,
        });
      } catch (error) {
        failed++;
        deps.log.warn("outbox entry not sent; will retry", { orderId: entry.orderId, error: String(error) });
      }
    }
    return { sent, failed };
  };
