import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { OutboxEntry, OutboxStore } from "./relay";

/*
 * Outbox entries live in the service's own table, under a key the service chooses (e.g. orders:
 * pk ORDER#<id>, sk OUTBOX#<eventId>), beside the item they announce, so both are written in one
 * transaction. This adapter owns the rest of the item:
 *   gsi1pk OUTBOX_PENDING | OUTBOX_PARKED (removed once sent), gsi1sk <createdAt>   sparse: the relay
 *          reads only what it must send, oldest first, and an operator lists what is parked
 *   attempts, nextAttemptAt (backoff), lastError, lastFailedAt, parkedAt, sentAt, data (the entry)
 */
export const PENDING = "OUTBOX_PENDING";
export const PARKED = "OUTBOX_PARKED";

export type ItemKey = Record<string, string>;

/** The item that saves a new entry; put it in the same TransactWriteItems as the change it announces. */
export const outboxItem = (key: ItemKey, entry: OutboxEntry) => ({
  ...key,
  gsi1pk: PENDING,
  gsi1sk: entry.createdAt,
  attempts: 0,
  nextAttemptAt: entry.createdAt,
  data: entry,
});

const ignoreLostRace = async (write: Promise<unknown>) => {
  try {
    await write;
  } catch (err) {
    // The entry was sent, parked or retried meanwhile by another runner: its state is already right.
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
};

export const dynamoOutbox = <T extends OutboxEntry>(
  db: DynamoDBDocumentClient,
  table: string,
  keyOf: (entry: T) => ItemKey,
): OutboxStore<T> => ({
  async due(now, page) {
    const out = await db.send(
      new QueryCommand({
        TableName: table,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :p",
        // Limit counts items before this filter: a page can come back short (even empty) with a `next`.
        FilterExpression: "attribute_not_exists(nextAttemptAt) OR nextAttemptAt <= :now",
        ExpressionAttributeValues: { ":p": PENDING, ":now": now.toISOString() },
        Limit: page.limit,
        ExclusiveStartKey: page.after as Record<string, unknown> | undefined,
      }),
    );
    return {
      entries: (out.Items ?? []).map((i) => ({ entry: i.data as T, attempts: Number(i.attempts ?? 0) })),
      next: out.LastEvaluatedKey,
    };
  },

  async markSent(entry, sentAt) {
    await ignoreLostRace(
      db.send(
        new UpdateCommand({
          TableName: table,
          Key: keyOf(entry),
          UpdateExpression: "REMOVE gsi1pk, gsi1sk, nextAttemptAt SET sentAt = :at",
          ConditionExpression: "gsi1pk = :p",
          ExpressionAttributeValues: { ":at": sentAt.toISOString(), ":p": PENDING },
        }),
      ),
    );
  },

  async markFailed(entry, failure) {
    const common = {
      ":a": failure.attempts,
      ":e": failure.error,
      ":t": failure.failedAt.toISOString(),
      ":p": PENDING,
    };
    await ignoreLostRace(
      db.send(
        new UpdateCommand({
          TableName: table,
          Key: keyOf(entry),
          ConditionExpression: "gsi1pk = :p",
          ...(failure.retryAt
            ? {
                UpdateExpression: "SET attempts = :a, lastError = :e, lastFailedAt = :t, nextAttemptAt = :n",
                ExpressionAttributeValues: { ...common, ":n": failure.retryAt.toISOString() },
              }
            : {
                UpdateExpression:
                  "SET attempts = :a, lastError = :e, lastFailedAt = :t, parkedAt = :t, gsi1pk = :parked REMOVE nextAttemptAt",
                ExpressionAttributeValues: { ...common, ":parked": PARKED },
              }),
        }),
      ),
    );
  },

  async oldestPendingCreatedAt() {
    const out = await db.send(
      new QueryCommand({
        TableName: table,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :p",
        ExpressionAttributeValues: { ":p": PENDING },
        ProjectionExpression: "gsi1sk",
        Limit: 1,
      }),
    );
    return out.Items?.[0]?.gsi1sk as string | undefined;
  },

  parkedCount: () => countState(db, table, PARKED),
});

const countState = async (db: DynamoDBDocumentClient, table: string, state: string): Promise<number> => {
  let count = 0;
  let after: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: table,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :s",
        ExpressionAttributeValues: { ":s": state },
        Select: "COUNT",
        ExclusiveStartKey: after,
      }),
    );
    count += out.Count ?? 0;
    after = out.LastEvaluatedKey;
  } while (after);
  return count;
};

/** One unsent entry as an operator sees it. */
export interface OutboxListing {
  id: string;
  state: "pending" | "parked";
  createdAt: string;
  attempts: number;
  nextAttemptAt?: string;
  lastError?: string;
  parkedAt?: string;
}

const listingOf = (item: Record<string, unknown>): OutboxListing => ({
  id: (item.data as OutboxEntry).id,
  state: item.gsi1pk === PARKED ? "parked" : "pending",
  createdAt: String(item.gsi1sk),
  attempts: Number(item.attempts ?? 0),
  nextAttemptAt: item.nextAttemptAt as string | undefined,
  lastError: item.lastError as string | undefined,
  parkedAt: item.parkedAt as string | undefined,
});

/** Unsent entries of one state, oldest first, at most `limit`. */
export const listOutbox = async (
  db: DynamoDBDocumentClient,
  table: string,
  state: "pending" | "parked",
  limit = 100,
): Promise<OutboxListing[]> => {
  const out: OutboxListing[] = [];
  let after: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: table,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :s",
        ExpressionAttributeValues: { ":s": state === "parked" ? PARKED : PENDING },
        Limit: limit - out.length,
        ExclusiveStartKey: after,
      }),
    );
    out.push(...(page.Items ?? []).map(listingOf));
    after = page.LastEvaluatedKey;
  } while (after && out.length < limit);
  return out;
};

/**
 * An operator's retry: the entry (parked, or pending and backing off) becomes due now with its attempts
 * forgotten, so the next relay run sends it. "not_found" when no unsent entry has that id.
 */
export const retryOutboxEntry = async (
  db: DynamoDBDocumentClient,
  table: string,
  id: string,
  now: Date,
): Promise<"retried" | "not_found"> => {
  for (const state of [PARKED, PENDING]) {
    let after: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: "gsi1",
          KeyConditionExpression: "gsi1pk = :s",
          FilterExpression: "#data.#id = :id",
          ExpressionAttributeNames: { "#data": "data", "#id": "id" },
          ExpressionAttributeValues: { ":s": state, ":id": id },
          ExclusiveStartKey: after,
        }),
      );
      const [item] = page.Items ?? [];
      if (item) {
        await db.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: "SET gsi1pk = :p, attempts = :zero, nextAttemptAt = :now REMOVE parkedAt",
            ConditionExpression: "gsi1pk IN (:p, :parked)",
            ExpressionAttributeValues: {
              ":p": PENDING,
              ":parked": PARKED,
              ":zero": 0,
              ":now": now.toISOString(),
            },
          }),
        );
        return "retried";
      }
      after = page.LastEvaluatedKey;
    } while (after);
  }
  return "not_found";
};
