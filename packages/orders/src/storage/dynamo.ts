import { createHash } from "node:crypto";
import {
  ConditionalCheckFailedException,
  IdempotentParameterMismatchException,
  TransactionCanceledException,
  TransactionConflictException,
  TransactionInProgressException,
} from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { outboxItem, dynamoOutbox as sharedOutbox } from "@tiffin/outbox/dynamo";
import { type ReplicatedMenu, upgradeStoredReplica } from "../domain/menu-replica";
import type { Order } from "../domain/order";
import type {
  MenuReplicaRepository,
  OrderRepository,
  Outbox,
  OutboxEntry,
  RateLimiter,
} from "../domain/ports";
import { windowStartOf } from "../domain/rate-limits";

/*
 * OrdersTable key design (this adapter owns it):
 *   order             pk ORDER#<id>            sk ORDER             gsi1: CUSTOMER#<customerId> / <placedAt>
 *                                                                  status, revision (every transition is
 *                                                                  conditional on both)
 *   idempotency key   pk IDEMPOTENCY#<key>     sk IDEMPOTENCY     -> orderId, requestHash
 *   outbox entry      pk ORDER#<id>            sk OUTBOX#<eventId> gsi1: OUTBOX_PENDING | OUTBOX_PARKED / <createdAt>
 *   menu replica      pk MENU#<restaurantId>   sk MENU
 *   rate counter      pk RATE#<subject>        sk RATE            -> windowStart (epoch s), uses
 *   payment intents, refunds: see payment-intents.ts (the simulated provider's records)
 * gsi1 holds two kinds: a customer's orders (history, newest first) and, sparsely, unsent outbox entries
 * (they lose gsi1pk once sent; see @tiffin/outbox/dynamo), so the relay reads just what it must send.
 */
const orderKey = (id: string) => ({ pk: `ORDER#${id}`, sk: "ORDER" });
const idempotencyKey = (key: string) => ({ pk: `IDEMPOTENCY#${key}`, sk: "IDEMPOTENCY" });
const outboxKey = (entry: Pick<OutboxEntry, "orderId" | "id">) => ({
  pk: `ORDER#${entry.orderId}`,
  sk: `OUTBOX#${entry.id}`,
});

/**
 * DynamoDB's idempotency token for the placing transaction (at most 36 characters): the same checkout
 * key and cart give the same token, so a retried call (the SDK's, after a lost response) succeeds without
 * writing twice, and a concurrent twin with another order id is refused as a mismatch, not written.
 */
const clientRequestToken = (key: string, requestHash: string) =>
  createHash("sha256").update(`${key}\n${requestHash}`).digest("hex").slice(0, 36);

/**
 * Whether a failed placing transaction means "another request holds this key": it took it first
 * (condition failed on the idempotency item), is writing it right now (transaction conflict, or the
 * same token in progress), or placed the same checkout under our token (parameter mismatch).
 */
const keyHeldElsewhere = (err: unknown): boolean => {
  if (err instanceof TransactionCanceledException) {
    const reasons = err.CancellationReasons ?? [];
    return (
      reasons[0]?.Code === "ConditionalCheckFailed" || reasons.some((r) => r.Code === "TransactionConflict")
    );
  }
  return (
    err instanceof IdempotentParameterMismatchException ||
    err instanceof TransactionInProgressException ||
    err instanceof TransactionConflictException
  );
};

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
            ClientRequestToken: clientRequestToken(key, requestHash),
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
                    revision: 0,
                    data: order,
                  },
                  ConditionExpression: "attribute_not_exists(pk)",
                },
              },
              { Put: { TableName: table, Item: outboxItem(outboxKey(outbox), outbox) } },
            ],
          }),
        );
        return "placed";
      } catch (err) {
        if (keyHeldElsewhere(err)) return "duplicate";
        throw err;
      }
    },
    async getForUpdate(orderId) {
      const out = await db.send(
        new GetCommand({ TableName: table, Key: orderKey(orderId), ConsistentRead: true }),
      );
      if (!out.Item) return undefined;
      return { order: out.Item.data as Order, revision: Number(out.Item.revision ?? 0) };
    },
    async saveTransition({ order, expected, outbox }) {
      // Orders saved before revisions existed have none: they count as revision 0.
      const condition =
        expected.revision === 0
          ? "#status = :expected AND (attribute_not_exists(revision) OR revision = :rev)"
          : "#status = :expected AND revision = :rev";
      const update = {
        TableName: table,
        Key: orderKey(order.id),
        UpdateExpression: "SET #status = :status, revision = :next, #data = :data",
        ConditionExpression: condition,
        ExpressionAttributeNames: { "#status": "status", "#data": "data" },
        ExpressionAttributeValues: {
          ":expected": expected.status,
          ":rev": expected.revision,
          ":status": order.status,
          ":next": expected.revision + 1,
          ":data": order,
        },
      };
      try {
        if (outbox) {
          await db.send(
            new TransactWriteCommand({
              TransactItems: [
                { Update: update },
                {
                  Put: {
                    TableName: table,
                    Item: outboxItem(outboxKey(outbox), outbox),
                    ConditionExpression: "attribute_not_exists(pk)",
                  },
                },
              ],
            }),
          );
        } else {
          await db.send(new UpdateCommand(update));
        }
        return "saved";
      } catch (err) {
        // The order moved, or another transaction was writing it at that moment: decide again.
        if (err instanceof ConditionalCheckFailedException || err instanceof TransactionConflictException) {
          return "conflict";
        }
        if (
          err instanceof TransactionCanceledException &&
          (err.CancellationReasons ?? []).some(
            (r) => r.Code === "ConditionalCheckFailed" || r.Code === "TransactionConflict",
          )
        ) {
          return "conflict";
        }
        throw err;
      }
    },
  };
};

export const dynamoOutbox = (db: DynamoDBDocumentClient, table: string): Outbox =>
  sharedOutbox<OutboxEntry>(db, table, outboxKey);

const isConditionFailure = (err: unknown) => err instanceof ConditionalCheckFailedException;

/**
 * Fixed-window counters, one item per subject, changed only by conditional updates, so concurrent
 * requests never count past the limit: add one in the current window below the limit, or start a new
 * window at one, or refuse.
 */
export const dynamoRateLimiter = (db: DynamoDBDocumentClient, table: string): RateLimiter => {
  const key = (subject: string) => ({ pk: `RATE#${subject}`, sk: "RATE" });
  const addOne = (subject: string, windowStart: number, max: number) =>
    db.send(
      new UpdateCommand({
        TableName: table,
        Key: key(subject),
        UpdateExpression: "SET #uses = #uses + :one",
        ConditionExpression: "windowStart = :w AND #uses < :max",
        ExpressionAttributeNames: { "#uses": "uses" },
        ExpressionAttributeValues: { ":one": 1, ":w": windowStart, ":max": max },
      }),
    );
  const startWindow = (subject: string, windowStart: number) =>
    db.send(
      new UpdateCommand({
        TableName: table,
        Key: key(subject),
        UpdateExpression: "SET windowStart = :w, #uses = :one",
        ConditionExpression: "attribute_not_exists(windowStart) OR windowStart < :w",
        ExpressionAttributeNames: { "#uses": "uses" },
        ExpressionAttributeValues: { ":one": 1, ":w": windowStart },
      }),
    );
  const succeeded = (write: Promise<unknown>) =>
    write.then(
      () => true,
      (err: unknown) => {
        if (isConditionFailure(err)) return false;
        throw err;
      },
    );
  return {
    async take(subject, limit, now) {
      const windowStart = windowStartOf(now, limit);
      // A new window, or a window someone else just started: the last addOne settles which.
      if (
        (await succeeded(addOne(subject, windowStart, limit.max))) ||
        (await succeeded(startWindow(subject, windowStart))) ||
        (await succeeded(addOne(subject, windowStart, limit.max)))
      ) {
        return { ok: true };
      }
      const retryAfterSeconds = Math.max(
        1,
        windowStart + limit.windowSeconds - Math.floor(now.getTime() / 1000),
      );
      return { ok: false, retryAfterSeconds };
    },
    async giveBack(subject, limit, takenAt) {
      await succeeded(
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: key(subject),
            UpdateExpression: "SET #uses = #uses - :one",
            ConditionExpression: "windowStart = :w AND #uses > :zero",
            ExpressionAttributeNames: { "#uses": "uses" },
            ExpressionAttributeValues: { ":one": 1, ":zero": 0, ":w": windowStartOf(takenAt, limit) },
          }),
        ),
      );
    },
  };
};

export const dynamoMenuReplica = (db: DynamoDBDocumentClient, table: string): MenuReplicaRepository => ({
  async get(restaurantId) {
    const out = await db.send(
      new GetCommand({ TableName: table, Key: { pk: `MENU#${restaurantId}`, sk: "MENU" } }),
    );
    const stored = out.Item?.data as ReplicatedMenu | undefined;
    return stored && upgradeStoredReplica(stored);
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
