import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import type { Logger } from "@aws-lambda-powertools/logger";
import { unwrapMessageBody } from "@tiffin/contracts";
import type { Context as LambdaContext, SQSEvent, SQSRecord } from "aws-lambda";
import type { z } from "zod";
import { createLogger } from "./logger";

export interface RecordContext {
  correlationId: string;
  logger: Logger;
  messageId: string;
}

/**
 * SQS consumer Lambda: parses each record with its contract and hands it to `handle`. A record that
 * fails (bad contract or a thrown error) is reported in `batchItemFailures`, so only it is retried and,
 * after the queue's maxReceiveCount, moved to the dead-letter queue; the rest of the batch succeeds.
 * `handle` must be idempotent: SQS delivers at least once.
 */
export const createQueueConsumer = <TSchema extends z.ZodType<{ correlationId: string }>>(opts: {
  service: string;
  schema: TSchema;
  handle: (event: z.infer<TSchema>, ctx: RecordContext) => Promise<void>;
}) => {
  const logger = createLogger(opts.service);
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const receiveCount = Number(record.attributes.ApproximateReceiveCount);
    const parsed = opts.schema.safeParse(unwrapMessageBody(record.body));
    if (!parsed.success) {
      logger.error("message does not match its contract", {
        messageId: record.messageId,
        receiveCount,
        issues: parsed.error.issues.slice(0, 5),
      });
      throw new Error(`message ${record.messageId} does not match its contract`);
    }
    const child = logger.createChild();
    child.appendKeys({ correlationId: parsed.data.correlationId });
    await opts.handle(parsed.data, {
      correlationId: parsed.data.correlationId,
      logger: child,
      messageId: record.messageId,
    });
  };
  return (event: SQSEvent, context: LambdaContext) =>
    processPartialResponse(event, recordHandler, processor, { context });
};
