import { randomUUID } from "node:crypto";
import { createDocumentClient, createSqsClient } from "@tiffin/aws";
import { createLogger } from "@tiffin/kit";
import { createTokenVerifier, WEB_CLIENT_ID } from "@tiffin/kit/auth";
import { Resource } from "sst";
import { createOrdersService } from "./domain/orders-service";
import { sqsFulfillmentSender } from "./messaging/fulfillment-sender";
import { dynamoMenuReplica, dynamoOrders, dynamoOutbox } from "./storage/dynamo";

/** The only place that reads `Resource.*` and builds real adapters. */
export const createService = () => {
  const db = createDocumentClient();
  const table = Resource.OrdersTable.name;
  return createOrdersService({
    orders: dynamoOrders(db, table),
    menus: dynamoMenuReplica(db, table),
    outbox: dynamoOutbox(db, table),
    sender: sqsFulfillmentSender(createSqsClient(), Resource.FulfillmentQueue.url),
    now: () => new Date(),
    newId: randomUUID,
    log: createLogger("orders"),
  });
};

/** Every service verifies tokens itself, against the issuer's published keys. */
export const createVerifier = () =>
  createTokenVerifier({ issuer: Resource.Auth.url, audience: WEB_CLIENT_ID });
