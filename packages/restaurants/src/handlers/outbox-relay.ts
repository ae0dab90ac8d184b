import { createRelayHandler } from "@tiffin/outbox/handler";
import { createService } from "../wiring";

/** Scheduled: publishes the catalog snapshots a failed publish or a crash left unsent; reports the backlog's age. */
export const handler = createRelayHandler({ service: "restaurants", relay: createService().relayOutbox });
