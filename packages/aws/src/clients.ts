import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * SDK clients. In AWS they use the Lambda's role and region; in local mode the process environment
 * points them at the emulators (`AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_SQS`, ...), so handler
 * code is the same. Tests pass `endpoint` explicitly.
 */
export interface ClientOptions {
  endpoint?: string;
}

const local = (opts: ClientOptions) =>
  opts.endpoint
    ? {
        endpoint: opts.endpoint,
        region: process.env.AWS_REGION ?? "us-east-1",
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
      }
    : {};

export const createDocumentClient = (opts: ClientOptions = {}): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(new DynamoDBClient({ ...local(opts) }), {
    marshallOptions: { removeUndefinedValues: true },
  });

// fauxqs answers with queue URLs on a host that does not resolve, so never route by the queue URL.
export const createSqsClient = (opts: ClientOptions = {}): SQSClient =>
  new SQSClient({ ...local(opts), useQueueUrlAsEndpoint: false });

export const createSnsClient = (opts: ClientOptions = {}): SNSClient => new SNSClient({ ...local(opts) });

// fauxqs serves buckets path-style (bucket subdomains of 127.0.0.1 do not resolve).
export const createS3Client = (opts: ClientOptions = {}): S3Client =>
  new S3Client({ ...local(opts), ...(opts.endpoint ? { forcePathStyle: true } : {}) });
