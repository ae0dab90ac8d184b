import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { inject } from "vitest";
import { createDocumentClient, createS3Client, createSnsClient, createSqsClient } from "../clients";
import { createBucket, createQueueWithDlq, createTable } from "../provision";
import { type QueueDefinition, type TableName, tables } from "../topology";

/** Clients bound to the emulators the integration global setup started. */
export const emulatorClients = () => {
  const dynamoEndpoint = inject("dynamoEndpoint");
  const awsEndpoint = inject("awsEndpoint");
  return {
    dynamoEndpoint,
    awsEndpoint,
    db: createDocumentClient({ endpoint: dynamoEndpoint }),
    sqs: createSqsClient({ endpoint: awsEndpoint }),
    sns: createSnsClient({ endpoint: awsEndpoint }),
  };
};

const unique = (name: string) => `test-${name}-${randomUUID().slice(0, 8)}`;

/** A fresh table with the production key design of `name`, so each test file starts empty. */
export const freshTable = async (name: TableName): Promise<string> => {
  const tableName = unique(name);
  const dynamo = new DynamoDBClient({
    endpoint: inject("dynamoEndpoint"),
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  await createTable(dynamo, tableName, tables[name]);
  return tableName;
};

/** A fresh bucket on fauxqs's S3, so each test file starts empty. */
export const freshBucket = async (): Promise<string> => {
  const name = unique("bucket").toLowerCase();
  await createBucket(createS3Client({ endpoint: inject("awsEndpoint") }), name);
  return name;
};

/** A fresh queue with its DLQ; tests use short visibility timeouts so retries happen in seconds. */
export const freshQueue = async (
  settings: Partial<Pick<QueueDefinition, "visibilityTimeoutSeconds" | "maxReceiveCount">> = {},
) => {
  const name = unique("queue");
  return createQueueWithDlq(emulatorClients().sqs, name, `${name}-dlq`, {
    visibilityTimeoutSeconds: settings.visibilityTimeoutSeconds ?? 1,
    maxReceiveCount: settings.maxReceiveCount ?? 3,
    deadLetterRetentionDays: 1,
  });
};
