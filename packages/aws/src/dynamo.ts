import { type DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";

/** Whether a DynamoDB write failed only because its condition did not hold (by name: any SDK copy). */
export const isConditionalCheckFailure = (err: unknown): boolean =>
  (err as { name?: unknown } | null)?.name === "ConditionalCheckFailedException";

/**
 * Writes `item` unless an item with its key is there already (one conditional PutCommand on `pk`), so
 * racing creators get one "created" and the rest "exists"; any other failure is thrown.
 */
export const putIfAbsent = async (
  db: DynamoDBDocumentClient,
  table: string,
  item: Record<string, unknown> & { pk: string },
): Promise<"created" | "exists"> => {
  try {
    await db.send(
      new PutCommand({ TableName: table, Item: item, ConditionExpression: "attribute_not_exists(pk)" }),
    );
    return "created";
  } catch (err) {
    if (isConditionalCheckFailure(err)) return "exists";
    throw err;
  }
};
