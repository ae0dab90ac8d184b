import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient } from "@tiffin/aws";
import { emulatorClients, freshTable } from "@tiffin/aws/testing";
import { RestaurantCatalogPublishedV1 } from "@tiffin/contracts";
import { describe, expect, it } from "vitest";
import { replicaFromCatalog } from "../src/domain/menu-replica";
import { createOrdersService } from "../src/domain/orders-service";
import { simulatedPaymentProvider } from "../src/payments/simulated-provider";
import { dynamoMenuReplica, dynamoOrders, dynamoOutbox, dynamoRateLimiter } from "../src/storage/dynamo";
import { dynamoIntentStore } from "../src/storage/payment-intents";
import { placeCommand } from "./factories";

const catalog = RestaurantCatalogPublishedV1.parse(
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, "../../contracts/fixtures/restaurant.catalog-published.v1.json"),
      "utf8",
    ),
  ),
);
const silent = { info: () => undefined, warn: () => undefined };

/**
 * What real DynamoDB does and DynamoDB Local does not (it runs transactions one at a time): a
 * transaction that touches an item another transaction is writing at that moment is cancelled with
 * reason TransactionConflict. Modelled in front of the real SDK client, on the idempotency item, with
 * each transaction held open a little so that parallel submits overlap.
 */
const withTransactionConflicts = (db: DynamoDBDocumentClient) => {
  const writing = new Set<string>();
  let conflicts = 0;
  db.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { TransactItems?: { Put?: { Item?: Record<string, unknown> } }[] };
      const held = input.TransactItems?.[0]?.Put?.Item?.pk;
      if (typeof held !== "string") return next(args);
      if (writing.has(held)) {
        conflicts++;
        throw new TransactionCanceledException({
          message:
            "Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, None, None]",
          $metadata: { httpStatusCode: 400 },
          CancellationReasons: [{ Code: "TransactionConflict" }, { Code: "None" }, { Code: "None" }],
        });
      }
      writing.add(held);
      try {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return await next(args);
      } finally {
        writing.delete(held);
      }
    },
    { step: "initialize", name: "transactionConflicts" },
  );
  return { conflicts: () => conflicts };
};

const setup = async (db: DynamoDBDocumentClient) => {
  const table = await freshTable("OrdersTable");
  await dynamoMenuReplica(db, table).apply(replicaFromCatalog(catalog));
  const sent: string[] = [];
  const svc = createOrdersService({
    orders: dynamoOrders(db, table),
    menus: dynamoMenuReplica(db, table),
    outbox: dynamoOutbox(db, table),
    sender: { send: async (event) => void sent.push(event.orderId) },
    now: () => new Date(),
    newId: randomUUID,
    log: silent,
    limiter: dynamoRateLimiter(db, table),
    payments: simulatedPaymentProvider(dynamoIntentStore(db, table)),
    limits: { perCustomer: { max: 10, windowSeconds: 600 }, perRestaurant: { max: 120, windowSeconds: 60 } },
  });
  const rows = async () => {
    const out = await emulatorClients().db.send(new ScanCommand({ TableName: table }));
    const items = out.Items ?? [];
    const kind = (prefix: string, sk?: string) =>
      items.filter(
        (i) => String(i.pk).startsWith(prefix) && (sk === undefined || String(i.sk).startsWith(sk)),
      );
    return {
      orders: kind("ORDER#", "ORDER").length,
      outbox: kind("ORDER#", "OUTBOX#").length,
      keys: kind("IDEMPOTENCY#").length,
      customerUses: kind("RATE#customer:")[0]?.uses,
    };
  };
  return { svc, sent, rows };
};

const tenIdentical = async (svc: Awaited<ReturnType<typeof setup>>["svc"]) => {
  const cmd = placeCommand({ customerId: `customer-${randomUUID()}` });
  return Promise.allSettled(
    Array.from({ length: 10 }, (_, i) =>
      svc.place(structuredClone(cmd), { correlationId: `corr-${i}`, log: silent }),
    ),
  );
};

describe("concurrent identical submits (DynamoDB Local)", () => {
  it("10 parallel places of one checkout give one order, the same to every request, when transactions conflict", async () => {
    const db = createDocumentClient({ endpoint: emulatorClients().dynamoEndpoint });
    const { conflicts } = withTransactionConflicts(db);
    const { svc, sent, rows } = await setup(db);

    const results = await tenIdentical(svc);

    expect(results.map((r) => r.status)).toEqual(Array(10).fill("fulfilled"));
    const ids = results.map((r) => (r.status === "fulfilled" ? r.value.id : undefined));
    expect(new Set(ids).size).toBe(1);
    expect(conflicts()).toBeGreaterThan(0);
    expect(await rows()).toEqual({ orders: 1, outbox: 1, keys: 1, customerUses: 1 });
    expect(sent).toEqual([ids[0]]);
  });

  it("10 parallel places of one checkout give one order as DynamoDB Local runs them (idempotency token)", async () => {
    const { svc, sent, rows } = await setup(emulatorClients().db);

    const results = await tenIdentical(svc);

    expect(results.map((r) => r.status)).toEqual(Array(10).fill("fulfilled"));
    const ids = results.map((r) => (r.status === "fulfilled" ? r.value.id : undefined));
    expect(new Set(ids).size).toBe(1);
    expect(await rows()).toEqual({ orders: 1, outbox: 1, keys: 1, customerUses: 1 });
    expect(sent).toEqual([ids[0]]);
  });
});
