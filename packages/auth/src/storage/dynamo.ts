import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Account } from "../domain/accounts";
import type {
  AccountRepository,
  AttemptCounter,
  AttemptWindow,
  MailboxReader,
  Mailer,
  StoredMail,
} from "../domain/ports";

/*
 * AuthTable key design (this adapter owns it; OpenAuth's own items share the table, see below):
 *   account           pk ACCOUNT#<email>    sk ACCOUNT            data
 *   failed attempts   pk ATTEMPTS#<key>     sk ATTEMPTS           count, resetsAtMs, expiry
 *   dev mailbox       pk MAILBOX            sk <sentAt>#<id>      to, subject, text, expiry
 * OpenAuth's DynamoStorage writes pk/sk pairs such as `email\x1f<email>`/`password`, `oauth:refresh\x1f<sub>`
 * /<token>, `signing:key`/<id>: lower-case prefixes, so they never meet the upper-case ones above.
 * `expiry` (epoch seconds) is the table's TTL attribute. DynamoDB deletes expired items only eventually
 * (DynamoDB Local never does), so every read here ignores an item whose expiry has passed.
 */
const accountKey = (email: string) => ({ pk: `ACCOUNT#${email}`, sk: "ACCOUNT" });
const attemptsKey = (key: string) => ({ pk: `ATTEMPTS#${key}`, sk: "ATTEMPTS" });
const MAILBOX = "MAILBOX";
const MAIL_KEEP_MS = 7 * 24 * 60 * 60_000;

const epochSeconds = (ms: number) => Math.ceil(ms / 1000);
const isConditionFailure = (err: unknown) => err instanceof ConditionalCheckFailedException;

export const dynamoAccounts = (db: DynamoDBDocumentClient, table: string): AccountRepository => ({
  async byEmail(email: string) {
    const out = await db.send(
      new GetCommand({ TableName: table, Key: accountKey(email), ConsistentRead: true }),
    );
    return out.Item?.data as Account | undefined;
  },
  async create(account: Account) {
    try {
      await db.send(
        new PutCommand({
          TableName: table,
          Item: { ...accountKey(account.email), id: account.id, data: account },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return "created";
    } catch (err) {
      if (isConditionFailure(err)) return "exists";
      throw err;
    }
  },
  async save(account: Account) {
    await db.send(
      new PutCommand({
        TableName: table,
        Item: { ...accountKey(account.email), id: account.id, data: account },
      }),
    );
  },
});

export const dynamoAttemptCounter = (db: DynamoDBDocumentClient, table: string): AttemptCounter => {
  const windowOf = (item: Record<string, unknown> | undefined): AttemptWindow | undefined =>
    item ? { count: Number(item.count), resetsAt: new Date(Number(item.resetsAtMs)) } : undefined;

  return {
    async get(key, now) {
      const out = await db.send(
        new GetCommand({ TableName: table, Key: attemptsKey(key), ConsistentRead: true }),
      );
      const window = windowOf(out.Item);
      return window && window.resetsAt > now ? window : undefined;
    },

    async increment(key, now, windowMs) {
      // Two conditional writes instead of a read-modify-write, so concurrent failures are all counted:
      // add one to a live window, else open a new one; if another request opened it first, add to that.
      for (let tries = 0; tries < 3; tries++) {
        try {
          const out = await db.send(
            new UpdateCommand({
              TableName: table,
              Key: attemptsKey(key),
              UpdateExpression: "SET #count = #count + :one",
              ConditionExpression: "resetsAtMs > :now",
              ExpressionAttributeNames: { "#count": "count" },
              ExpressionAttributeValues: { ":one": 1, ":now": now.getTime() },
              ReturnValues: "ALL_NEW",
            }),
          );
          const window = windowOf(out.Attributes);
          if (window) return window;
        } catch (err) {
          if (!isConditionFailure(err)) throw err;
        }
        const resetsAtMs = now.getTime() + windowMs;
        try {
          await db.send(
            new PutCommand({
              TableName: table,
              Item: { ...attemptsKey(key), count: 1, resetsAtMs, expiry: epochSeconds(resetsAtMs) },
              ConditionExpression: "attribute_not_exists(pk) OR resetsAtMs <= :now",
              ExpressionAttributeValues: { ":now": now.getTime() },
            }),
          );
          return { count: 1, resetsAt: new Date(resetsAtMs) };
        } catch (err) {
          if (!isConditionFailure(err)) throw err;
        }
      }
      throw new Error(`could not count a failed attempt for ${key}`);
    },

    async clear(key) {
      await db.send(new DeleteCommand({ TableName: table, Key: attemptsKey(key) }));
    },
  };
};

/** The local stand-in for email: messages are stored, and read back on /dev/mailbox. */
export const dynamoDevMailbox = (
  db: DynamoDBDocumentClient,
  table: string,
  deps: { now: () => Date; newId: () => string },
): Mailer & MailboxReader => ({
  async send(message) {
    const sentAt = deps.now();
    const id = deps.newId();
    await db.send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: MAILBOX,
          sk: `${sentAt.toISOString()}#${id}`,
          id,
          sentAt: sentAt.toISOString(),
          to: message.to,
          subject: message.subject,
          text: message.text,
          expiry: epochSeconds(sentAt.getTime() + MAIL_KEEP_MS),
        },
      }),
    );
  },

  async list({ to, limit }) {
    const found: StoredMail[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: "pk = :pk",
          FilterExpression: to ? "expiry > :now AND #to = :to" : "expiry > :now",
          ExpressionAttributeNames: to ? { "#to": "to" } : undefined,
          ExpressionAttributeValues: {
            ":pk": MAILBOX,
            ":now": epochSeconds(deps.now().getTime()),
            ...(to ? { ":to": to } : {}),
          },
          ScanIndexForward: false,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) {
        found.push({
          id: String(item.id),
          sentAt: String(item.sentAt),
          to: String(item.to),
          subject: String(item.subject),
          text: String(item.text),
        });
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey && found.length < limit);
    return found.slice(0, limit);
  },
});
