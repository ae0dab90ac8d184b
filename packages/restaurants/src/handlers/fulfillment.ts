import { createFulfillmentConsumer } from "../messaging/fulfillment-consumer";
import { createService } from "../wiring";

export const handler = createFulfillmentConsumer(createService());
