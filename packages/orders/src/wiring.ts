import { randomUUID } from "node:crypto";
import { createDocumentClient, createSnsClient, createSqsClient } from "@tiffin/aws";
import { createLogger } from "@tiffin/kit";
import { createTokenVerifier, WEB_CLIENT_ID } from "@tiffin/kit/auth";
import { Resource } from "sst";
import { createOrdersService } from "./domain/orders-service";
import { DEFAULT_PLACE_LIMITS, type PlaceLimits, parseLimit } from "./domain/rate-limits";
import { routedEventSender, snsEventPublisher } from "./messaging/event-sender";
import { sqsFulfillmentSender } from "./messaging/fulfillment-sender";
import { simulatedPaymentProvider } from "./payments/simulated-provider";
import { dynamoMenuReplica, dynamoOrders, dynamoOutbox, dynamoRateLimiter } from "./storage/dynamo";
import { dynamoIntentStore } from "./storage/payment-intents";

/**
 * `orders.place` limits, "<orders>/<seconds>": TIFFIN_PLACE_LIMIT_PER_CUSTOMER (default 10/600) and
 * TIFFIN_PLACE_LIMIT_PER_RESTAURANT (default 120/60). Raise them where one account places many orders
 * on purpose (the bench); a malformed value stops the service at start, never silently unlimited.
 */
export const placeLimitsFrom = (env: NodeJS.ProcessEnv): PlaceLimits => ({
  perCustomer: parseLimit(
    env.TIFFIN_PLACE_LIMIT_PER_CUSTOMER,
    DEFAULT_PLACE_LIMITS.perCustomer,
    "TIFFIN_PLACE_LIMIT_PER_CUSTOMER",
  ),
  perRestaurant: parseLimit(
    env.TIFFIN_PLACE_LIMIT_PER_RESTAURANT,
    DEFAULT_PLACE_LIMITS.perRestaurant,
    "TIFFIN_PLACE_LIMIT_PER_RESTAURANT",
  ),
});

/*
 * How every service is assembled (restaurants, orders, auth alike): domain/<name>-service.ts exports
 * create<Name>Service(deps), the service's operations over its ports; `createService` below builds the
 * real adapters and calls it; router.ts takes the service (create<Name>Router(svc)); handlers/api.ts joins
 * the two. Tests build the same service from fakes (test/fakes.ts).
 */

/**
 * The only place that reads `Resource.*` and builds real adapters. Payments go to the simulated provider
 * (intents in OrdersTable): no real provider is wired in yet, so no real money moves anywhere.
 */
export const createService = () => {
  const db = createDocumentClient();
  const table = Resource.OrdersTable.name;
  return createOrdersService({
    orders: dynamoOrders(db, table),
    menus: dynamoMenuReplica(db, table),
    outbox: dynamoOutbox(db, table),
    sender: routedEventSender({
      fulfillment: sqsFulfillmentSender(createSqsClient(), Resource.FulfillmentQueue.url),
      topic: snsEventPublisher(createSnsClient(), Resource.DomainEvents.arn),
    }),
    payments: simulatedPaymentProvider(dynamoIntentStore(db, table)),
    now: () => new Date(),
    newId: randomUUID,
    log: createLogger("orders"),
    limiter: dynamoRateLimiter(db, table),
    limits: placeLimitsFrom(process.env),
  });
};

/** Every service verifies tokens itself, against the issuer's published keys. */
export const createVerifier = () =>
  createTokenVerifier({ issuer: Resource.Auth.url, audience: WEB_CLIENT_ID });
