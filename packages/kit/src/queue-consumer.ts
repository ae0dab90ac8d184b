import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import type { Logger } from "@aws-lambda-powertools/logger";
import {
  ChangeMessageVisibilityCommand,
  type MessageAttributeValue,
  SendMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import { createSqsClient } from "@tiffin/aws";
import { DEAD_LETTER_ATTRIBUTES } from "@tiffin/aws/dead-letters";
import { backoffSeconds, type QueueDefinition, queues, type RetryPolicy } from "@tiffin/aws/topology";
import { unwrapMessageBody } from "@tiffin/contracts";
import type { Context as LambdaContext, SQSEvent, SQSRecord } from "aws-lambda";
import { Resource } from "sst";
import type { z } from "zod";
import { DomainError } from "./domain-error";
import { createLogger } from "./logger";

export interface RecordContext {
  correlationId: string;
  logger: Logger;
  messageId: string;
  /** 1 on the first delivery; SQS's ApproximateReceiveCount. */
  receiveCount: number;
}

/** The queue a consumer reads: where to delay a retry, where poison goes, and how long to back off. */
export interface ConsumerQueue {
  url: string;
  deadLetterUrl: string;
  retry: RetryPolicy;
}

/**
 * What a failed record is. `poison`: the message itself is wrong (it breaks its contract, or the domain
 * refuses it as invalid), so no retry can help: it goes to the dead-letter queue at once. `transient`:
 * a dependency failed (unreachable, throttled, timed out, 5xx) or the error is unknown; it is retried
 * with backoff, and only the redrive policy (maxReceiveCount) ends that.
 */
export type Failure =
  | { kind: "poison"; reason: string }
  | { kind: "transient"; reason: string; known: boolean };

const THROTTLING = new Set([
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "ProvisionedThroughputExceededException",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "LimitExceededException",
]);
const UNAVAILABLE = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "InternalServerError",
  "InternalFailure",
  "InternalError",
  "TransactionInProgressException",
  "TransactionConflictException",
  "AbortError",
]);
const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED",
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** The error and everything it wraps (`cause`, AggregateError's `errors`), outermost first. */
const chain = (error: unknown, depth = 0): ErrorShape[] => {
  if (!error || typeof error !== "object" || depth > 5) return [];
  const e = error as ErrorShape;
  const inner = [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return [e, ...inner.flatMap((i) => chain(i, depth + 1))];
};

/** Tells a message that can never succeed from one whose dependency failed (see `Failure`). */
export const classifyFailure = (error: unknown): Failure => {
  if (error instanceof DomainError && error.kind === "invalid") {
    return { kind: "poison", reason: `refused by the domain: ${error.message}` };
  }
  for (const e of chain(error)) {
    const name = typeof e.name === "string" ? e.name : "";
    const code = typeof e.code === "string" ? e.code : "";
    const status = Number(e.$metadata?.httpStatusCode);
    if (THROTTLING.has(name) || THROTTLING.has(code))
      return { kind: "transient", reason: "throttled", known: true };
    if (NETWORK.has(code)) return { kind: "transient", reason: `unreachable (${code})`, known: true };
    if (UNAVAILABLE.has(name)) return { kind: "transient", reason: `unavailable (${name})`, known: true };
    if (e.$retryable) return { kind: "transient", reason: `retryable (${name || "AWS SDK"})`, known: true };
    if (status >= 500) return { kind: "transient", reason: `server error (HTTP ${status})`, known: true };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "transient", reason: `unknown error: ${message}`, known: false };
};

type Parsed<T> = { ok: true; event: T } | { ok: false; reason: string; issues?: unknown };

const parseRecord = <T>(schema: z.ZodType<T>, record: SQSRecord): Parsed<T> => {
  let body: unknown;
  try {
    body = unwrapMessageBody(record.body);
  } catch (error) {
    return { ok: false, reason: `body is not JSON (${error instanceof Error ? error.message : error})` };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, event: parsed.data };
  const issues = parsed.error.issues.slice(0, 5);
  const summary = issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
  return { ok: false, reason: `does not match its contract: ${summary}`, issues };
};

const linkedUrl = (name: string): string | undefined => {
  try {
    if (!(name in Resource)) return undefined;
    const value: unknown = (Resource as unknown as Record<string, unknown>)[name];
    return value && typeof value === "object" && "url" in value && typeof value.url === "string"
      ? value.url
      : undefined;
  } catch {
    return undefined;
  }
};

const lastSegment = (s: string, separator: string) => s.slice(s.lastIndexOf(separator) + 1);

/**
 * The topology queue a record came from, found by matching its source ARN to the queue URLs the
 * function is linked to (`Resource.<Queue>.url`, in AWS and locally), with its linked dead-letter queue.
 */
export const linkedQueue = (eventSourceArn: string): ConsumerQueue | undefined => {
  const physicalName = lastSegment(eventSourceArn, ":");
  for (const [name, def] of Object.entries(queues) as [string, QueueDefinition][]) {
    const url = linkedUrl(name);
    if (!url || lastSegment(url, "/") !== physicalName) continue;
    const deadLetterUrl = linkedUrl(def.deadLetterQueue);
    return deadLetterUrl ? { url, deadLetterUrl, retry: def.retry } : undefined;
  }
  return undefined;
};

/** SQS allows 10 attributes a message; the dead-letter ones come first. */
const deadLetterAttributes = (
  record: SQSRecord,
  reason: string,
  receiveCount: number,
): Record<string, MessageAttributeValue> => {
  const ours: Record<string, MessageAttributeValue> = {
    [DEAD_LETTER_ATTRIBUTES.reason]: { DataType: "String", StringValue: reason.slice(0, 1000) },
    [DEAD_LETTER_ATTRIBUTES.queue]: {
      DataType: "String",
      StringValue: lastSegment(record.eventSourceARN, ":") || "unknown",
    },
    [DEAD_LETTER_ATTRIBUTES.messageId]: { DataType: "String", StringValue: record.messageId },
    [DEAD_LETTER_ATTRIBUTES.receiveCount]: { DataType: "Number", StringValue: String(receiveCount) },
  };
  const kept = Object.entries(record.messageAttributes ?? {})
    .filter(([name]) => !Object.values<string>(DEAD_LETTER_ATTRIBUTES).includes(name))
    .slice(0, 10 - Object.keys(ours).length)
    .map(([name, a]): [string, MessageAttributeValue] => [
      name,
      a.binaryValue !== undefined
        ? { DataType: a.dataType, BinaryValue: Buffer.from(a.binaryValue, "base64") }
        : { DataType: a.dataType, StringValue: a.stringValue ?? "" },
    ]);
  return { ...ours, ...Object.fromEntries(kept) };
};

/**
 * SQS consumer Lambda: parses each record with its contract and hands it to `handle`; each record is
 * settled on its own (partial batch responses), so one bad record never holds back the others.
 * - A record that breaks its contract (or is not JSON), or that the domain refuses as invalid, is poison:
 *   the consumer sends it to the queue's dead-letter queue itself, with the reason as a message attribute,
 *   and reports it done. It never waits out the retries.
 * - Any other failure is treated as transient: the record is hidden for an exponential backoff
 *   (ChangeMessageVisibility, `retry` of its queue in the topology) and reported in `batchItemFailures`,
 *   so an outage of the table or queue is ridden out; the redrive policy bounds unknown errors.
 * The queue and its dead-letter queue are found through the function's links (`linkedQueue`); `queue`
 * overrides that (tests). Without either, poison is left to the redrive policy.
 * `handle` must be idempotent: SQS delivers at least once.
 */
export const createQueueConsumer = <TSchema extends z.ZodType<{ correlationId: string }>>(opts: {
  service: string;
  schema: TSchema;
  handle: (event: z.infer<TSchema>, ctx: RecordContext) => Promise<void>;
  queue?: ConsumerQueue;
  sqs?: SQSClient;
}) => {
  const logger = createLogger(opts.service);
  const processor = new BatchProcessor(EventType.SQS);
  let sqs = opts.sqs;
  const client = () => {
    sqs ??= createSqsClient();
    return sqs;
  };
  const resolved = new Map<string, ConsumerQueue | undefined>();
  const queueOf = (record: SQSRecord): ConsumerQueue | undefined => {
    if (opts.queue) return opts.queue;
    if (!resolved.has(record.eventSourceARN))
      resolved.set(record.eventSourceARN, linkedQueue(record.eventSourceARN));
    return resolved.get(record.eventSourceARN);
  };

  const deadLetter = async (record: SQSRecord, reason: string, receiveCount: number, details: object) => {
    const queue = queueOf(record);
    const fields = { messageId: record.messageId, receiveCount, reason, ...details };
    if (!queue) {
      logger.error(
        "poison message, but no dead-letter queue is linked: leaving it to the redrive policy",
        fields,
      );
      throw new Error(`message ${record.messageId} is poison: ${reason}`);
    }
    await client().send(
      new SendMessageCommand({
        QueueUrl: queue.deadLetterUrl,
        // SQS refuses an empty body; a real record never has one, a hand-made one might.
        MessageBody: record.body || "(empty body)",
        MessageAttributes: deadLetterAttributes(record, reason, receiveCount),
      }),
    );
    logger.error("poison message moved to the dead-letter queue", fields);
  };

  const retryLater = async (record: SQSRecord, seconds: number) => {
    const queue = queueOf(record);
    if (!queue) return;
    try {
      await client().send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queue.url,
          ReceiptHandle: record.receiptHandle,
          VisibilityTimeout: seconds,
        }),
      );
    } catch (error) {
      // The queue's own visibility timeout still brings the message back.
      logger.warn("could not delay the retry", { messageId: record.messageId, error: String(error) });
    }
  };

  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const receiveCount = Number(record.attributes.ApproximateReceiveCount) || 1;
    const parsed = parseRecord(opts.schema, record);
    if (!parsed.ok) {
      await deadLetter(record, `message ${parsed.reason}`, receiveCount, { issues: parsed.issues });
      return;
    }
    const event = parsed.event as z.infer<TSchema>;
    const child = logger.createChild();
    child.appendKeys({ correlationId: event.correlationId });
    try {
      await opts.handle(event, {
        correlationId: event.correlationId,
        logger: child,
        messageId: record.messageId,
        receiveCount,
      });
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === "poison") {
        await deadLetter(record, failure.reason, receiveCount, {});
        return;
      }
      const queue = queueOf(record);
      const delay = queue ? backoffSeconds(queue.retry, receiveCount) : undefined;
      const fields = {
        messageId: record.messageId,
        receiveCount,
        reason: failure.reason,
        retryInSeconds: delay,
      };
      if (failure.known) child.warn("transient failure: retrying later", fields);
      else child.error("unexpected failure: retrying later", { ...fields, error });
      if (delay !== undefined) await retryLater(record, delay);
      throw error;
    }
  };
  return (event: SQSEvent, context: LambdaContext) =>
    // A batch whose every record failed still answers with its failures: same effect, clearer logs.
    processPartialResponse(event, recordHandler, processor, { context, throwOnFullBatchFailure: false });
};
