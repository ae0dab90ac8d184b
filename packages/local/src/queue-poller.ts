import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { Context as LambdaContext, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { lambdaContext } from "./lambda-host";

export type QueueHandler = (event: SQSEvent, context: LambdaContext) => Promise<SQSBatchResponse | undefined>;

export const toSqsRecord = (m: Message, queueArn: string, region: string): SQSRecord => ({
  messageId: m.MessageId ?? "",
  receiptHandle: m.ReceiptHandle ?? "",
  body: m.Body ?? "",
  attributes: {
    ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? "1",
    SentTimestamp: m.Attributes?.SentTimestamp ?? String(Date.now()),
    SenderId: m.Attributes?.SenderId ?? "local",
    ApproximateFirstReceiveTimestamp: m.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
  },
  messageAttributes: Object.fromEntries(
    Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [
      k,
      {
        dataType: v.DataType ?? "String",
        stringValue: v.StringValue,
        stringListValues: [],
        binaryListValues: [],
      },
    ]),
  ),
  md5OfBody: m.MD5OfBody ?? "",
  eventSource: "aws:sqs",
  eventSourceARN: queueArn,
  awsRegion: region,
});

export interface PollerOptions {
  sqs: SQSClient;
  queueUrl: string;
  queueArn: string;
  region: string;
  functionName: string;
  handler: QueueHandler;
  batchSize: number;
  timeoutMs: number;
  waitTimeSeconds?: number;
  onError?: (message: string, error: unknown) => void;
}

/**
 * What Lambda's SQS event source mapping does, for local mode: receive a batch, invoke the consumer with
 * an `SQSEvent`, delete the records that succeeded. Records named in `batchItemFailures` (or the whole
 * batch, if the handler throws) are left alone: they reappear after the queue's visibility timeout and,
 * after maxReceiveCount receives, the queue's redrive policy moves them to the DLQ.
 */
export const startQueuePoller = (opts: PollerOptions) => {
  const abort = new AbortController();
  let stopped = false;

  const processBatch = async (messages: Message[]) => {
    const event: SQSEvent = { Records: messages.map((m) => toSqsRecord(m, opts.queueArn, opts.region)) };
    let failed: Set<string>;
    try {
      const result = await opts.handler(event, lambdaContext(opts.functionName, opts.timeoutMs));
      failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      opts.onError?.("consumer threw; the whole batch will be retried", error);
      failed = new Set(messages.map((m) => m.MessageId ?? ""));
    }
    const done = messages.filter((m) => !failed.has(m.MessageId ?? ""));
    if (done.length === 0) return;
    await opts.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: opts.queueUrl,
        Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
      }),
    );
  };

  const loop = async () => {
    while (!stopped) {
      try {
        const out = await opts.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: opts.queueUrl,
            MaxNumberOfMessages: opts.batchSize,
            WaitTimeSeconds: opts.waitTimeSeconds ?? 5,
            MessageSystemAttributeNames: ["All"],
            MessageAttributeNames: ["All"],
          }),
          { abortSignal: abort.signal },
        );
        if (out.Messages?.length) await processBatch(out.Messages);
      } catch (error) {
        if (stopped) break;
        opts.onError?.("polling failed; retrying in 1s", error);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };
  const running = loop();

  return {
    async stop() {
      stopped = true;
      abort.abort();
      await running;
    },
  };
};
