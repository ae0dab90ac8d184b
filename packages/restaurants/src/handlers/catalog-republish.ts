import { randomUUID } from "node:crypto";
import { createLogger } from "@tiffin/kit";
import { createService } from "../wiring";

const log = createLogger("restaurants");

/**
 * Scheduled, hourly on AWS: re-announces every restaurant's current catalog through the outbox, so a replica
 * that missed an event (a queue purged, a consumer deployed late, a dead letter discarded) heals without an
 * operator. Replicas ignore revisions they already have, so this changes nothing when all is well.
 */
export const handler = async () => {
  const correlationId = `republish-${randomUUID()}`;
  const count = await createService().republishCatalog(correlationId);
  log.info("catalog republished", { restaurants: count, correlationId });
  return { republished: count };
};
