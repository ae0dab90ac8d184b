import { createRelayHandler } from "@tiffin/outbox/handler";
import { createService } from "../wiring";

/** Scheduled: sends the OrderPlaced events a crashed or failed request left unsent; publishes the backlog's age. */
export const handler = createRelayHandler({ service: "orders", relay: createService().relayOutbox });
