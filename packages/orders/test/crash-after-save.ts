/**
 * Run as a child process by the outbox crash test: places one order with the real DynamoDB adapters and a
 * sender that kills the process, so it dies after the order and its outbox entry are saved and before
 * OrderPlaced is sent. Args: <dynamoEndpoint> <table> <idempotencyKey>.
 */
import { randomUUID } from "node:crypto";
import { createDocumentClient } from "@tiffin/aws";
import { createOrdersService } from "../src/domain/orders-service";
import { DEFAULT_PLACE_LIMITS } from "../src/domain/rate-limits";
import { simulatedPaymentProvider } from "../src/payments/simulated-provider";
import { dynamoMenuReplica, dynamoOrders, dynamoOutbox, dynamoRateLimiter } from "../src/storage/dynamo";
import { dynamoIntentStore } from "../src/storage/payment-intents";

const [endpoint, table, idempotencyKey] = process.argv.slice(2);
if (!endpoint || !table || !idempotencyKey)
  throw new Error("usage: crash-after-save.ts <endpoint> <table> <key>");
const db = createDocumentClient({ endpoint });
const silent = { info: () => undefined, warn: () => undefined };
const svc = createOrdersService({
  orders: dynamoOrders(db, table),
  menus: dynamoMenuReplica(db, table),
  outbox: dynamoOutbox(db, table),
  sender: {
    send: async () => {
      process.exit(137); // the crash: between saving and sending
    },
  },
  now: () => new Date(),
  newId: randomUUID,
  log: silent,
  limiter: dynamoRateLimiter(db, table),
  payments: simulatedPaymentProvider(dynamoIntentStore(db, table)),
  limits: DEFAULT_PLACE_LIMITS,
});
await svc.place(
  {
    customerId: "customer-crash",
    idempotencyKey,
    restaurantId: "bombay-tiffin-house",
    lines: [{ itemId: "butter-chicken", quantity: 2 }],
    customer: { name: "Asha Patel", phone: "+1 415 555 0134" },
    delivery: { address: "221 Valencia St, San Francisco", notes: "" },
    payment: { number: "4242424242424242", expMonth: 12, expYear: 2034, cvc: "123" },
  },
  { correlationId: `crash-${idempotencyKey}`, log: silent },
);
process.exit(0); // not reached: the sender ends the process first
