import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { ReplicatedMenu } from "../domain/menu-replica";
import type { Order } from "../domain/order";
import type { MenuReplicaRepository, OrderRepository, Outbox, OutboxEntry } from "../domain/ports";

/*
 * OrdersTable key design (this adapter owns it):
 *   order             pk ORDER#<id>            sk ORDER             gsi1: CUSTOMER#<customerId> / <placedAt>
 *   idempotency key   pk IDEMPOTENCY#<key>     sk IDEMPOTENCY     -> orderId, requestHash
 *   outbox entry      pk ORDER#<id>            sk OUTBOX#<eventId> gsi1: OUTBOX_PENDING / <createdAt> while unsent
 *   menu replica      pk MENU#<restaurantId>   sk MENU
 * gsi1 holds two kinds: a customer's orders (history, newest first) and, sparsely, unsent outbox entries
 * (they lose gsi1pk once sent), so the relay reads just what it must send.
 */
const orderKey = (id: string) => ({ pk: `ORDER#${id}`, sk: "ORDER" });
const idempotencyKey = (key: string) => ({ pk: `IDEMPOTENCY#${key}`, sk: "IDEMPOTENCY" });
const outboxKey = (entry: Pick<OutboxEntry, "orderId" | "id">) => ({
  pk: `ORDER#${entry.orderId}`,
  sk: `OUTBOX#${entry.id}`,
});
const PENDING = "OUTBOX_PENDING";

export const dynamoOrders = (db: DynamoDBDocumentClient, table: string): OrderRepository => {
  const get = async (orderId: string) => {
    const out = await db.send(
      new GetCommand({ TableName: table, Key: orderKey(orderId), ConsistentRead: true }),
    );
    return out.Item?.data as Order | undefined;
  };
  return {
    get,
    async listForCustomer(customerId, limit) {
      const out = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: "gsi1",
          KeyConditionExpression: "gsi1pk = :c",
          ExpressionAttributeValues: { ":c": `CUSTOMER#${customerId}` },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map((i) => i.data as Order);
    },
    async byIdempotencyKey(key) {
      const out = await db.send(
        new GetCommand({ TableName: table, Key: idempotencyKey(key), ConsistentRead: true }),
      );
      if (!out.Item) return undefined;
      const order = await get(out.Item.orderId as string);
      return order ? { order, requestHash: out.Item.requestHash as string } : undefined;
    },
    async placeWithOutbox({ order, outbox, idempotencyKey: key, requestHash }) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...idempotencyKey(key), orderId: order.id, requestHash, createdAt: order.placedAt },
                  ConditionExpression: "attribute_not_exists(pk)",
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: {
                    ...orderKey(order.id),
                    gsi1pk: `CUSTOMER#${order.customerId}`,
                    gsi1sk: order.placedAt,
                    status: order.status,
                    data: order,
                  },
                  ConditionExpression: "attribute_not_exists(pk)",
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: { ...outboxKey(outbox), gsi1pk: PENDING, gsi1sk: outbox.createdAt, data: outbox },
                },
              },
            ],
          }),
        );
        return "placed";
      } catch (err) {
        const reasons = err instanceof TransactionCanceledException ? err.CancellationReasons : undefined;
        if (reasons?.[0]?.Code === "ConditionalCheckFailed") return "duplicate";
        throw err;
      }
    },
  };
};

export const dynamoOutbox = (db: DynamoDBDocumentClient, table: string): Outbox => ({
  async pending(limit) {
    const out = await db.send(
      new QueryCommand({
        TableName: table,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :p",
        ExpressionAttributeValues: { ":p": PENDING },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => i.data as OutboxEntry);
  },
  async markSent(entry, sentAt) {
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: outboxKey(entry),
        UpdateExpression: "REMOVE gsi1pk, gsi1sk SET sentAt = :at",
        ExpressionAttributeValues: { ":at": sentAt.toISOString() },
      }),
    );
  },
});

export const dynamoMenuReplica = (db: DynamoDBDocumentClient, table: string): MenuReplicaRepository => ({
  async get(restaurantId) {
    const out = await db.send(
      new GetCommand({ TableName: table, Key: { pk: `MENU#${restaurantId}`, sk: "MENU" } }),
    );
    return out.Item?.data as ReplicatedMenu | undefined;
  },
  async apply(menu) {
    try {
      await db.send(
        new PutCommand({
          TableName: table,
          Item: { pk: `MENU#${menu.restaurantId}`, sk: "MENU", revision: menu.revision, data: menu },
          ConditionExpression: "attribute_not_exists(pk) OR revision < :rev",
          ExpressionAttributeValues: { ":rev": menu.revision },
        }),
      );
      return "applied";
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return "stale";
      throw err;
    }
  },
});
