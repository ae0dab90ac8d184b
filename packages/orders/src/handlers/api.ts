import { createApiHandler } from "@tiffin/kit/lambda";
import { createOrdersRouter } from "../router";
import { createService } from "../wiring";

export const handler = createApiHandler({ service: "orders", router: createOrdersRouter(createService()) });
