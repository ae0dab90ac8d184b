import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import { lambdaContext } from "@tiffin/kit/lambda";
import type { Context as LambdaContext, SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";

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
  /** The consumer function's timeout: a batch still running after it counts as failed, as on Lambda. */
  timeoutMs: number;
  waitTimeSeconds?: number;
  /** Pause before retrying a DeleteMessageBatch that failed (doubled each attempt). */
  deleteRetryMs?: number;
  onError?: (message: string, error: unknown) => void;
}

class HandlerTimeout extends Error {
  override name = "HandlerTimeout";
}

const DELETE_ATTEMPTS = 5;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What Lambda's SQS event source mapping does, for local mode: receive a batch, invoke the consumer with
 * an `SQSEvent`, delete the records that succeeded. Records named in `batchItemFailures`, or the whole
 * batch if the handler throws or runs past its timeout, are left alone: they reappear after their
 * visibility timeout (which the consumer may have changed to back off) and, after maxReceiveCount
 * receives, the queue's redrive policy moves them to the DLQ. Deletes that fail are retried and reported,
 * never dropped silently (a message not deleted is delivered again; consumers are idempotent).
 */
export const startQueuePoller = (opts: PollerOptions) => {
  const abort = new AbortController();
  let stopped = false;
  const report = opts.onError ?? (() => undefined);

  /** Lambda stops a function at its timeout; here the call cannot be stopped, so it is only disowned. */
  const invoke = (event: SQSEvent) => {
    let timer: NodeJS.Timeout | undefined;
    const running = opts.handler(event, lambdaContext(opts.functionName, opts.timeoutMs));
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new HandlerTimeout(`the consumer ran past its ${opts.timeoutMs / 1000}s timeout`)),
        opts.timeoutMs,
      );
    });
    running.catch(() => undefined); // a late failure of a disowned call is not unhandled
    return Promise.race([running, timeout]).finally(() => clearTimeout(timer));
  };

  const deleteAll = async (messages: Message[]) => {
    let pending = messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      try {
        const out = await opts.sqs.send(
          new DeleteMessageBatchCommand({ QueueUrl: opts.queueUrl, Entries: pending }),
        );
        const failed = new Map((out.Failed ?? []).map((f) => [f.Id, f]));
        pending = pending.filter((e) => failed.has(e.Id));
        if (pending.length > 0) {
          const why = [...failed.values()].map((f) => `${f.Code}: ${f.Message ?? ""}`).join("; ");
          report(
            `could not delete ${pending.length} processed message(s) (attempt ${attempt}): ${why}`,
            undefined,
          );
        }
      } catch (error) {
        report(`deleting ${pending.length} processed message(s) failed (attempt ${attempt})`, error);
      }
      if (pending.length === 0) return;
      if (attempt === DELETE_ATTEMPTS || stopped) {
        report(
          `gave up deleting ${pending.length} processed message(s) after ${attempt} attempts: they will be delivered again`,
          undefined,
        );
        return;
      }
      await pause((opts.deleteRetryMs ?? 200) * 2 ** (attempt - 1));
    }
  };

  const processBatch = async (messages: Message[]) => {
    const event: SQSEvent = { Records: messages.map((m) => toSqsRecord(m, opts.queueArn, opts.region)) };
    let failed: Set<string>;
    try {
      const result = await invoke(event);
      failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      report(
        error instanceof HandlerTimeout
          ? `${error.message}; its ${messages.length} message(s) return after their visibility timeout`
          : "consumer threw; the whole batch will be retried",
        error,
      );
      failed = new Set(messages.map((m) => m.MessageId ?? ""));
    }
    const done = messages.filter((m) => !failed.has(m.MessageId ?? ""));
    if (done.length > 0) await deleteAll(done);
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
        report("polling failed; retrying in 1s", error);
        await pause(1000);
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
