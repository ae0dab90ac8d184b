import { randomUUID } from "node:crypto";
import { type AnyTRPCRouter, TRPCError } from "@trpc/server";
import { awsLambdaRequestHandler } from "@trpc/server/adapters/aws-lambda";
import type { APIGatewayProxyEventV2, Context as LambdaContext } from "aws-lambda";
import { AuthError, SignInUnavailable, type TokenVerifier, tokenFromRequest } from "./auth";
import { MAX_BATCH_CALLS, MUTATION_NOT_ALONE } from "./batching";
import { createLogger } from "./logger";
import type { Context } from "./trpc";

const CORRELATION_HEADER = "x-correlation-id";
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Whether the Fetch API (which the tRPC adapter builds its Request with) accepts this header at all. */
const acceptable = (name: string, value: string) => {
  try {
    new Headers().append(name, value);
    return true;
  } catch {
    return false;
  }
};

/**
 * A header or cookie the Fetch API refuses (a character above U+00FF, a control character, …) would make
 * the adapter throw before tRPC answers, so every call of that request would fail. Such values can only be
 * garbage: drop them, and the request goes on as if they had not been sent (at worst, anonymously).
 */
const withoutUnreadableHeaders = (event: APIGatewayProxyEventV2): APIGatewayProxyEventV2 => {
  const headers: APIGatewayProxyEventV2["headers"] = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined && acceptable(name, value)) headers[name] = value;
  }
  // The adapter joins cookies into one header, where a cookie's edge whitespace (a newline) would be inside.
  const cookies = event.cookies
    ?.map((cookie) => cookie.trim())
    .filter((cookie) => acceptable("cookie", cookie));
  return { ...event, headers, cookies };
};

/** HTTP Lambda (Function URL, payload v2) serving one service's tRPC router. */
export const createApiHandler = <TRouter extends AnyTRPCRouter>(opts: {
  service: string;
  router: TRouter;
  verifyToken: TokenVerifier;
}) => {
  const logger = createLogger(opts.service);
  const handle = awsLambdaRequestHandler<TRouter, APIGatewayProxyEventV2>({
    router: opts.router,
    // Queries may share a request (the web app's batch link), up to a bound: tRPC refuses a larger batch
    // with a 400 before looking up a single procedure or parsing any input.
    allowBatching: true,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: async ({ event, info }): Promise<Context> => {
      const incoming = event.headers?.[CORRELATION_HEADER];
      const correlationId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
      const child = logger.createChild();
      child.appendKeys({ correlationId });
      // One mutation per request: otherwise one request could place fifty orders past any per-request check.
      if (info.isBatchCall && info.type === "mutation" && info.calls.length > 1) {
        throw new TRPCError({ code: "BAD_REQUEST", message: MUTATION_NOT_ALONE });
      }
      const anonymous: Context = { correlationId, logger: child, actor: undefined };
      try {
        const token = tokenFromRequest(event.headers ?? {}, event.cookies);
        if (!token) return anonymous;
        const actor = await opts.verifyToken(token);
        child.appendKeys({ actorId: actor.id, role: actor.role });
        return { ...anonymous, actor };
      } catch (err) {
        if (err instanceof SignInUnavailable) {
          child.warn("token could not be checked: the issuer's keys are unavailable", { error: err.cause });
          return { ...anonymous, authUnavailable: err.message };
        }
        // A bad token makes the caller anonymous: public procedures still answer, protected ones say why (401).
        const authError =
          err instanceof AuthError ? err.message : "Your session is not valid. Sign in again.";
        return { ...anonymous, authError };
      }
    },
    responseMeta: () => ({ headers: { "cache-control": "no-store" } }),
    onError: ({ error, path, ctx }) => {
      const log = ctx?.logger ?? logger;
      if (error.code === "INTERNAL_SERVER_ERROR") log.error("request failed", { path, error });
      else log.info("request refused", { path, code: error.code, reason: error.message });
    },
  });
  return (event: APIGatewayProxyEventV2, context: LambdaContext) =>
    handle(withoutUnreadableHeaders(event), context);
};
