import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { putIfAbsent } from "@tiffin/aws/dynamo";
import type { Account } from "../domain/accounts";
import type {
  AccountRepository,
  AttemptCounter,
  CodePurpose,
  MailboxReader,
  Mailer,
  OneTimeCodeStore,
  StoredCode,
  StoredMail,
} from "../domain/ports";

/*
 * AuthTable key design (this adapter owns it; OpenAuth's own items share the table, see below):
 *   account           pk ACCOUNT#<email>    sk ACCOUNT            data
 *   attempt counter   pk ATTEMPTS#<key>     sk ATTEMPTS           count, resetsAtMs, expiry
 *   one-time code     pk CODE#<purpose>#<email> sk CODE          id, codeHash, attempts, expiresAtMs,
 *                                                                  verified, used, payload, expiry
 *   dev mailbox       pk MAILBOX            sk <sentAt>#<id>      to, subject, text, expiry
 * OpenAuth's DynamoStorage writes pk/sk pairs such as `email\x1f<email>`/`password`, `oauth:refresh\x1f<sub>`
 * /<token>, `signing:key`/<id>: lower-case prefixes, so they never meet the upper-case ones above.
 * `expiry` (epoch seconds) is the table's TTL attribute. DynamoDB deletes expired items only eventually
 * (DynamoDB Local never does), so every read here ignores an item whose expiry has passed.
 */
const accountKey = (email: string) => ({ pk: `ACCOUNT#${email}`, sk: "ACCOUNT" });
const attemptsKey = (key: string) => ({ pk: `ATTEMPTS#${key}`, sk: "ATTEMPTS" });
const codeKey = (purpose: CodePurpose, email: string) => ({ pk: `CODE#${purpose}#${email}`, sk: "CODE" });
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
  create: (account: Account) =>
    putIfAbsent(db, table, { ...accountKey(account.email), id: account.id, data: account }),
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
  const read = async (key: string) =>
    (await db.send(new GetCommand({ TableName: table, Key: attemptsKey(key), ConsistentRead: true }))).Item;

  return {
    async reserve(key, limit, now, windowMs) {
      // Only conditional writes, never read-then-write: each step either counts or changes nothing, so
      // parallel attempts can never all slip under the limit. A failed condition says only "not like
      // that": read to learn whether the window is full (refuse), or absent/ended (open one), then retry.
      for (let tries = 0; tries < 10; tries++) {
        try {
          await db.send(
            new UpdateCommand({
              TableName: table,
              Key: attemptsKey(key),
              UpdateExpression: "SET #count = #count + :one",
              ConditionExpression: "resetsAtMs > :now AND #count < :limit",
              ExpressionAttributeNames: { "#count": "count" },
              ExpressionAttributeValues: { ":one": 1, ":now": now.getTime(), ":limit": limit },
            }),
          );
          return { reserved: true };
        } catch (err) {
          if (!isConditionFailure(err)) throw err;
        }
        const item = await read(key);
        const resetsAtMs = Number(item?.resetsAtMs ?? 0);
        if (item && resetsAtMs > now.getTime()) {
          if (Number(item.count) >= limit) return { reserved: false, resetsAt: new Date(resetsAtMs) };
          continue; // room again (a release, or a race): count it.
        }
        const opensUntil = now.getTime() + windowMs;
        try {
          await db.send(
            new PutCommand({
              TableName: table,
              Item: {
                ...attemptsKey(key),
                count: 1,
                resetsAtMs: opensUntil,
                expiry: epochSeconds(opensUntil),
              },
              ConditionExpression: "attribute_not_exists(pk) OR resetsAtMs <= :now",
              ExpressionAttributeValues: { ":now": now.getTime() },
            }),
          );
          return { reserved: true };
        } catch (err) {
          if (!isConditionFailure(err)) throw err;
          // Another attempt opened the window first: count in it.
        }
      }
      throw new Error(`could not count an attempt for ${key}`);
    },

    async release(key, now) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: table,
            Key: attemptsKey(key),
            UpdateExpression: "SET #count = #count - :one",
            ConditionExpression: "resetsAtMs > :now AND #count > :zero",
            ExpressionAttributeNames: { "#count": "count" },
            ExpressionAttributeValues: { ":one": 1, ":zero": 0, ":now": now.getTime() },
          }),
        );
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    },

    async clear(key) {
      await db.send(new DeleteCommand({ TableName: table, Key: attemptsKey(key) }));
    },
  };
};

export const dynamoCodes = (db: DynamoDBDocumentClient, table: string): OneTimeCodeStore => {
  const codeOf = (item: Record<string, unknown>): StoredCode => ({
    purpose: item.purpose as CodePurpose,
    email: String(item.email),
    id: String(item.id),
    codeHash: String(item.codeHash),
    attempts: Number(item.attempts),
    expiresAt: new Date(Number(item.expiresAtMs)),
    verified: item.verified === true,
    used: item.used === true,
    payload: item.payload,
  });
  // Attributes by name (some, like `used`, may be DynamoDB reserved words); only those an expression
  // uses, as DynamoDB refuses unused ones.
  const names: Record<string, string> = {
    "#id": "id",
    "#expires": "expiresAtMs",
    "#used": "used",
    "#verified": "verified",
    "#attempts": "attempts",
  };
  const namesIn = (expression: string) =>
    Object.fromEntries(Object.entries(names).filter(([placeholder]) => expression.includes(placeholder)));
  /** A conditional update of code `id`: true when it applied, false when the code was not as required. */
  const updateIf = async (
    purpose: CodePurpose,
    email: string,
    update: { set: string; condition: string; values: Record<string, unknown> },
  ) => {
    try {
      const out = await db.send(
        new UpdateCommand({
          TableName: table,
          Key: codeKey(purpose, email),
          UpdateExpression: update.set,
          ConditionExpression: update.condition,
          ExpressionAttributeNames: namesIn(`${update.set} ${update.condition}`),
          ExpressionAttributeValues: update.values,
          ReturnValues: "ALL_NEW",
        }),
      );
      return out.Attributes;
    } catch (err) {
      if (isConditionFailure(err)) return undefined;
      throw err;
    }
  };
  const live = "#id = :id AND #expires > :now AND #used = :no";

  return {
    async put(code) {
      await db.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...codeKey(code.purpose, code.email),
            purpose: code.purpose,
            email: code.email,
            id: code.id,
            codeHash: code.codeHash,
            attempts: code.attempts,
            expiresAtMs: code.expiresAt.getTime(),
            verified: code.verified,
            used: code.used,
            payload: code.payload,
            expiry: epochSeconds(code.expiresAt.getTime()),
          },
        }),
      );
    },

    async get(purpose, email) {
      const out = await db.send(
        new GetCommand({ TableName: table, Key: codeKey(purpose, email), ConsistentRead: true }),
      );
      return out.Item ? codeOf(out.Item) : undefined;
    },

    async spendAttempt(purpose, email, id, now, maxAttempts) {
      const item = await updateIf(purpose, email, {
        set: "SET #attempts = #attempts + :one",
        condition: `${live} AND #attempts < :max`,
        values: { ":id": id, ":now": now.getTime(), ":no": false, ":one": 1, ":max": maxAttempts },
      });
      return item ? codeOf(item) : undefined;
    },

    async markVerified(purpose, email, id, now) {
      const item = await updateIf(purpose, email, {
        set: "SET #verified = :yes",
        condition: live,
        values: { ":id": id, ":now": now.getTime(), ":no": false, ":yes": true },
      });
      return item !== undefined;
    },

    async use(purpose, email, id, now, { requireVerified }) {
      const item = await updateIf(purpose, email, {
        set: "SET #used = :yes",
        condition: requireVerified ? `${live} AND #verified = :yes` : live,
        values: { ":id": id, ":now": now.getTime(), ":no": false, ":yes": true },
      });
      return item !== undefined;
    },

    async remove(purpose, email) {
      await db.send(new DeleteCommand({ TableName: table, Key: codeKey(purpose, email) }));
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
