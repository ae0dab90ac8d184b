import { createInboxConsumer } from "../messaging/inbox-consumer";
import { createService } from "../wiring";

export const handler = createInboxConsumer(createService());
