import type { Logger } from "@aws-lambda-powertools/logger";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { type Actor, type Role, roleAccount } from "./actor";
import { BATCH_TOO_LARGE, TRPC_BATCH_TOO_LARGE } from "./batching";
import { DomainError, type DomainErrorKind } from "./domain-error";

export interface Context {
  correlationId: string;
  logger: Logger;
  /** The verified caller, or undefined for an anonymous request. */
  actor: Actor | undefined;
  /** Why a token that was sent could not be accepted (expired, forged, wrong audience, …): 401. */
  authError?: string;
  /** Why a token that was sent could not be checked at all (the issuer's keys are out of reach): 503. */
  authUnavailable?: string;
}

const codeFor: Record<DomainErrorKind, TRPCError["code"]> = {
  invalid: "BAD_REQUEST",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  unavailable: "PRECONDITION_FAILED",
};

/** Field path -> first message, e.g. `{ "lines.0.quantity": "Quantity must be between 1 and 20" }`. */
export const fieldErrorsOf = (error: ZodError): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "input";
    out[key] ??= issue.message;
  }
  return out;
};

const humanMessage = (error: ZodError): string => {
  const [first] = error.issues;
  if (!first) return "The request is not valid.";
  return first.message;
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const { stack: _stack, ...data } = shape.data;
    // Only the input parser's errors are the client's to fix; a ZodError from our own code is a bug (500).
    if (cause instanceof ZodError && error.code === "BAD_REQUEST") {
      return {
        ...shape,
        message: humanMessage(cause),
        data: { ...data, fieldErrors: fieldErrorsOf(cause) },
      };
    }
    if (cause instanceof DomainError) {
      return { ...shape, data: { ...data, fieldErrors: cause.fieldErrors ?? {} } };
    }
    // tRPC refuses an oversized batch itself (before any call runs), in words a person cannot act on.
    if (error.code === "BAD_REQUEST" && error.message === TRPC_BATCH_TOO_LARGE) {
      return { ...shape, message: BATCH_TOO_LARGE, data: { ...data, fieldErrors: {} } };
    }
    // Never leak internals: an unexpected error says only that something went wrong.
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? "Something went wrong on our side. Please try again." : shape.message,
      data: { ...data, fieldErrors: {} },
    };
  },
});

/** Turns a DomainError thrown by the domain into the matching tRPC (HTTP 4xx) error. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: codeFor[cause.kind], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors);

/**
 * Signed in, with one of `allowed` roles: 401 when not signed in (or the token is bad), 503 when the token
 * could not be checked (the issuer's keys are out of reach: not the caller's fault), 403 for another role.
 */
export const requireRole = (...allowed: Role[]) =>
  t.middleware(({ ctx, next }) => {
    if (!ctx.actor && ctx.authUnavailable) {
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: ctx.authUnavailable });
    }
    if (!ctx.actor) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: ctx.authError ?? "Sign in to continue." });
    }
    if (!allowed.includes(ctx.actor.role)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs ${allowed.map(roleAccount).join(" or ")}.`,
      });
    }
    return next({ ctx: { ...ctx, actor: ctx.actor } });
  });

export const authedProcedure = (...allowed: Role[]) => publicProcedure.use(requireRole(...allowed));
export const customerProcedure = authedProcedure("customer");
export const staffProcedure = authedProcedure("restaurant");
export const courierProcedure = authedProcedure("courier");
export const agentProcedure = authedProcedure("agent");
export const operatorProcedure = authedProcedure("operator");
