import { createService } from "../wiring";

const svc = createService();

/** Scheduled: sends outbox entries a crashed or failed request left unsent. */
export const handler = async () => svc.relayOutbox();
