import { z } from "zod";

/** Fields every event carries, whatever its type. */
export const EventMeta = {
  /** Unique per event; consumers use it (or the business key) to ignore redeliveries. */
  eventId: z.string().min(1).max(100),
  occurredAt: z.iso.datetime(),
  /** Follows one order (or one catalog change) across every service's logs. */
  correlationId: z.string().min(1).max(100),
};

export const Cents = z.number().int().nonnegative();
