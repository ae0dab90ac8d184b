import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import { putIfAbsent } from "@tiffin/aws/dynamo";
import type { IntentStore, StoredIntent, StoredRefund } from "../payments/simulated-provider";

/*
 * The simulated provider's records in the OrdersTable (this adapter owns their keys):
 *   payment intent      pk PAYMENT#<intentId>   sk INTENT     version (conditional updates)
 *   refund              pk REFUND#<refundId>    sk REFUND
 *   fail-once marker    pk PAYFAIL#<key>        sk PAYFAIL    (the 0119 test card's first failure)
 */
const intentKey = (id: string) => ({ pk: `PAYMENT#${id}`, sk: "INTENT" });
const refundKey = (id: string) => ({ pk: `REFUND#${id}`, sk: "REFUND" });

const lostCondition = (err: unknown) =>
  err instanceof ConditionalCheckFailedException ||
  (err instanceof TransactionCanceledException &&
    (err.CancellationReasons ?? []).some((r) => r.Code === "ConditionalCheckFailed"));

const conditional = async <T extends string, F extends string>(
  write: Promise<unknown>,
  ok: T,
  lost: F,
): Promise<T | F> => {
  try {
    await write;
    return ok;
  } catch (err) {
    if (lostCondition(err)) return lost;
    throw err;
  }
};

export const dynamoIntentStore = (db: DynamoDBDocumentClient, table: string): IntentStore => ({
  async getIntent(id) {
    const out = await db.send(new GetCommand({ TableName: table, Key: intentKey(id), ConsistentRead: true }));
    return out.Item?.data as StoredIntent | undefined;
  },
  createIntent: (intent) =>
    putIfAbsent(db, table, { ...intentKey(intent.id), version: intent.version, data: intent }),
  updateIntent: (intent, expectedVersion) =>
    conditional(
      db.send(
        new PutCommand({
          TableName: table,
          Item: { ...intentKey(intent.id), version: intent.version, data: intent },
          ConditionExpression: "version = :v",
          ExpressionAttributeValues: { ":v": expectedVersion },
        }),
      ),
      "updated",
      "conflict",
    ),
  async getRefund(id) {
    const out = await db.send(new GetCommand({ TableName: table, Key: refundKey(id), ConsistentRead: true }));
    return out.Item?.data as StoredRefund | undefined;
  },
  recordRefund: (refund: StoredRefund, intent: StoredIntent, expectedVersion: number) =>
    conditional(
      db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: table,
                Item: { ...refundKey(refund.id), data: refund },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
            {
              Put: {
                TableName: table,
                Item: { ...intentKey(intent.id), version: intent.version, data: intent },
                ConditionExpression: "version = :v",
                ExpressionAttributeValues: { ":v": expectedVersion },
              },
            },
          ],
        }),
      ),
      "recorded",
      "conflict",
    ),
  async firstFailure(key) {
    return (await putIfAbsent(db, table, { pk: `PAYFAIL#${key}`, sk: "PAYFAIL" })) === "created";
  },
});
