import { randomUUID } from "node:crypto";
import type { AnyTRPCRouter } from "@trpc/server";
import { awsLambdaRequestHandler } from "@trpc/server/adapters/aws-lambda";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
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
