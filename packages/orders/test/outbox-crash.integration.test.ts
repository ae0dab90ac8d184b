import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DeleteMessageCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { emulatorClients, freshQueue, freshTable } from "@tiffin/aws/testing";
import { OrderPlacedV2, RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import { describe, expect, it } from "vitest";
import { replicaFromCatalog } from "../src/domain/menu-replica";
import { createOrdersService } from "../src/domain/orders-service";
import { DEFAULT_PLACE_LIMITS } from "../src/domain/rate-limits";
import { sqsFulfillmentSender } from "../src/messaging/fulfillment-sender";
import { simulatedPaymentProvider } from "../src/payments/simulated-provider";
import { dynamoMenuReplica, dynamoOrders, dynamoOutbox, dynamoRateLimiter } from "../src/storage/dynamo";
import { dynamoIntentStore } from "../src/storage/payment-intents";

const catalog = RestaurantCatalogPublishedV1.parse(
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, "../../contracts/fixtures/restaurant.catalog-published.v1.json"),
      "utf8",
    ),
  ),
);
const silent = { info: () => undefined, warn: () => undefined };

/** Receives until the queue answers empty twice, deleting as it goes; returns every body. */
const drain = async (queueUrl: string): Promise<OrderPlacedV2[]> => {
  const { sqs } = emulatorClients();
  const bodies: OrderPlacedV2[] = [];
  for (let empty = 0; empty < 2; ) {
    const out = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    if (!out.Messages?.length) empty++;
    for (const m of out.Messages ?? []) {
      bodies.push(OrderPlacedV2.parse(JSON.parse(m.Body ?? "")));
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
    }
  }
  return bodies;
};

describe("outbox", () => {
  it("sends OrderPlaced exactly once after the process dies between saving the order and sending it", async () => {
    const { db, sqs, dynamoEndpoint } = emulatorClients();
    const table = await freshTable("OrdersTable");
    await dynamoMenuReplica(db, table).apply(replicaFromCatalog(catalog));
    const { queue } = await freshQueue();
    const key = randomUUID();

    const crashed = spawnSync(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "crash-after-save.ts"), dynamoEndpoint, table, key],
      { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "SILENT" }, timeout: 60_000 },
    );
    expect(crashed.status, crashed.stderr).toBe(137);

    // The order was saved, with its outbox entry still pending; nothing reached the queue.
    const orders = dynamoOrders(db, table);
    // Idempotency keys are stored scoped to the customer (see place-order.ts).
    const saved = await orders.byIdempotencyKey(`customer-crash:${key}`);
    expect(saved?.order.status).toBe("placed");
    const outbox = dynamoOutbox(db, table);
    const due = await outbox.due(new Date(), { limit: 10 });
    expect(due.entries.map((p) => p.entry.orderId)).toEqual([saved?.order.id]);
    expect(await drain(queue.url)).toEqual([]);

    // "Restart": a fresh service instance runs the relay, as the schedule would.
    const restarted = createOrdersService({
      orders,
      menus: dynamoMenuReplica(db, table),
      outbox,
      sender: sqsFulfillmentSender(sqs, queue.url),
      now: () => new Date(),
      newId: randomUUID,
      log: silent,
      limiter: dynamoRateLimiter(db, table),
      payments: simulatedPaymentProvider(dynamoIntentStore(db, table)),
      limits: DEFAULT_PLACE_LIMITS,
    });
    expect(await restarted.relayOutbox()).toMatchObject({ sent: 1, failed: 0 });
    expect(await restarted.relayOutbox()).toMatchObject({ sent: 0, failed: 0 });

    const delivered = await drain(queue.url);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ orderId: saved?.order.id, totalCents: saved?.order.totalCents });
    expect(await outbox.oldestPendingCreatedAt()).toBeUndefined();
  });
});
