import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { BucketAlreadyOwnedByYou, CreateBucketCommand, type S3Client } from "@aws-sdk/client-s3";
import {
  CreateTopicCommand,
  ListSubscriptionsByTopicCommand,
  type SNSClient,
  SubscribeCommand,
} from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { EVENT_TYPE_ATTRIBUTE } from "@tiffin/contracts";
import { buckets, type QueueDefinition, queues, type TableDefinition, tables, topics } from "./topology";

/** What `Resource.<Name>` holds for each kind of resource (as SST links expose it). */
export type ResourceValues = Record<
  string,
  { name: string } | { url: string; arn: string } | { arn: string }
>;

const keyType = { string: "S", number: "N", binary: "B" } as const;

export const createTable = async (dynamo: DynamoDBClient, name: string, def: TableDefinition) => {
  const keySchema = (index: { hashKey: string; rangeKey?: string }) => [
    { AttributeName: index.hashKey, KeyType: "HASH" as const },
    ...(index.rangeKey ? [{ AttributeName: index.rangeKey, KeyType: "RANGE" as const }] : []),
  ];
  const definitions: AttributeDefinition[] = Object.entries(def.fields).map(([AttributeName, type]) => ({
    AttributeName,
    AttributeType: keyType[type],
  }));
  const globalIndexes = Object.entries(def.globalIndexes ?? {}).map(([IndexName, index]) => ({
    IndexName,
    KeySchema: keySchema(index),
    Projection: { ProjectionType: "ALL" as const },
  }));
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: definitions,
        KeySchema: keySchema(def.primaryIndex),
        // DynamoDB refuses an empty list: a table without indexes sends none.
        GlobalSecondaryIndexes: globalIndexes.length ? globalIndexes : undefined,
      }),
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  if (def.ttl) {
    // Same setting as in AWS; DynamoDB Local accepts it but never deletes anything, so readers filter.
    const current = await dynamo.send(new DescribeTimeToLiveCommand({ TableName: name }));
    if (current.TimeToLiveDescription?.TimeToLiveStatus !== "ENABLED") {
      await dynamo.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: { AttributeName: def.ttl, Enabled: true },
        }),
      );
    }
  }
};

const queueArn = async (sqs: SQSClient, url: string): Promise<string> => {
  const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }));
  const arn = out.Attributes?.QueueArn;
  if (!arn) throw new Error(`queue ${url} has no ARN`);
  return arn;
};

export const createQueueWithDlq = async (
  sqs: SQSClient,
  name: string,
  dlqName: string,
  def: Pick<QueueDefinition, "visibilityTimeoutSeconds" | "maxReceiveCount" | "deadLetterRetentionDays">,
) => {
  const dlq = await sqs.send(
    new CreateQueueCommand({
      QueueName: dlqName,
      Attributes: { MessageRetentionPeriod: String(def.deadLetterRetentionDays * 86_400) },
    }),
  );
  if (!dlq.QueueUrl) throw new Error(`could not create ${dlqName}`);
  const dlqArn = await queueArn(sqs, dlq.QueueUrl);
  const main = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(def.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: def.maxReceiveCount }),
      },
    }),
  );
  if (!main.QueueUrl) throw new Error(`could not create ${name}`);
  return {
    queue: { url: main.QueueUrl, arn: await queueArn(sqs, main.QueueUrl) },
    dlq: { url: dlq.QueueUrl, arn: dlqArn },
  };
};

export const subscribeQueue = async (
  sns: SNSClient,
  topicArn: string,
  queueArn: string,
  eventTypes: readonly string[],
) => {
  const existing = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
  if (existing.Subscriptions?.some((s) => s.Endpoint === queueArn)) return;
  await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: "sqs",
      Endpoint: queueArn,
      Attributes: {
        RawMessageDelivery: "true",
        FilterPolicy: JSON.stringify({ [EVENT_TYPE_ATTRIBUTE]: [...eventTypes] }),
      },
    }),
  );
};

/** Creates a bucket unless it exists (fauxqs answers an existing one as AWS does for its owner). */
export const createBucket = async (s3: S3Client, name: string) => {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
  } catch (err) {
    if (!(err instanceof BucketAlreadyOwnedByYou)) throw err;
  }
};

/**
 * Creates every table, queue (with its DLQ), topic and subscription of `topology.ts` on the emulators,
 * idempotently, each name prefixed with `prefix` (e.g. `tiffin-local`). Returns the values SST would
 * link, keyed by resource name.
 */
export const provisionAll = async (
  clients: { dynamo: DynamoDBClient; sqs: SQSClient; sns: SNSClient; s3: S3Client },
  prefix: string,
): Promise<ResourceValues> => {
  const resources: ResourceValues = {};
  for (const name of Object.keys(buckets)) {
    // Bucket names are lowercase: tiffin-local-mediabucket.
    const bucket = `${prefix}-${name}`.toLowerCase();
    await createBucket(clients.s3, bucket);
    resources[name] = { name: bucket };
  }
  for (const [name, def] of Object.entries(tables)) {
    await createTable(clients.dynamo, `${prefix}-${name}`, def);
    resources[name] = { name: `${prefix}-${name}` };
  }
  const topicArns: Record<string, string> = {};
  for (const name of Object.keys(topics)) {
    const out = await clients.sns.send(new CreateTopicCommand({ Name: `${prefix}-${name}` }));
    if (!out.TopicArn) throw new Error(`could not create topic ${name}`);
    topicArns[name] = out.TopicArn;
    resources[name] = { arn: out.TopicArn };
  }
  for (const [name, def] of Object.entries(queues) as [string, QueueDefinition][]) {
    const { queue, dlq } = await createQueueWithDlq(
      clients.sqs,
      `${prefix}-${name}`,
      `${prefix}-${def.deadLetterQueue}`,
      def,
    );
    resources[name] = queue;
    resources[def.deadLetterQueue] = dlq;
    if (def.subscription) {
      const topicArn = topicArns[def.subscription.topic];
      if (!topicArn) throw new Error(`queue ${name} subscribes to unknown topic ${def.subscription.topic}`);
      await subscribeQueue(clients.sns, topicArn, queue.arn, def.subscription.eventTypes);
    }
  }
  return resources;
};

/** `SST_RESOURCE_<Name>` variables: how `Resource.<Name>` from "sst" reaches code outside AWS. */
export const resourceEnvironment = (resources: ResourceValues, stage: string): Record<string, string> => {
  const env: Record<string, string> = { SST_RESOURCE_App: JSON.stringify({ name: "tiffin", stage }) };
  for (const [name, value] of Object.entries(resources)) env[`SST_RESOURCE_${name}`] = JSON.stringify(value);
  return env;
};
