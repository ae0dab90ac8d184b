import { randomUUID } from "node:crypto";
import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import type { Logger } from "@aws-lambda-powertools/logger";
import { unwrapMessageBody } from "@tiffin/contracts";
import type { AnyTRPCRouter } from "@trpc/server";
import { awsLambdaRequestHandler } from "@trpc/server/adapters/aws-lambda";
import type { APIGatewayProxyEventV2, Context as LambdaContext, SQSEvent, SQSRecord } from "aws-lambda";
import type { z } from "zod";
import { AuthError, type TokenVerifier, tokenFromRequest } from "./auth";
import { createLogger } from "./logger";
import type { Context } from "./trpc";

const CORRELATION_HEADER = "x-correlation-id";
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** HTTP Lambda (Function URL, payload v2) serving one service's tRPC router. */
export const createApiHandler = <TRouter extends AnyTRPCRouter>(opts: {
  service: string;
  router: TRouter;
  verifyToken: TokenVerifier;
}) => {
  const logger = createLogger(opts.service);
  return awsLambdaRequestHandler({
    router: opts.router,
    createContext: async ({ event }: { event: APIGatewayProxyEventV2 }): Promise<Context> => {
      const incoming = event.headers?.[CORRELATION_HEADER];
      const correlationId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
      const child = logger.createChild();
      child.appendKeys({ correlationId });
      const token = tokenFromRequest(event.headers ?? {}, event.cookies);
      if (!token) return { correlationId, logger: child, actor: undefined };
      try {
        const actor = await opts.verifyToken(token);
        child.appendKeys({ actorId: actor.id, role: actor.role });
        return { correlationId, logger: child, actor };
      } catch (err) {
        // A bad token makes the caller anonymous: public procedures still answer, protected ones say why (401).
        const authError =
          err instanceof AuthError ? err.message : "Your session is not valid. Sign in again.";
        return { correlationId, logger: child, actor: undefined, authError };
      }
    },
    responseMeta: () => ({ headers: { "cache-control": "no-store" } }),
    onError: ({ error, path, ctx }) => {
      const log = ctx?.logger ?? logger;
      if (error.code === "INTERNAL_SERVER_ERROR") log.error("request failed", { path, error });
      else log.info("request refused", { path, code: error.code, reason: error.message });
    },
  });
};

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
