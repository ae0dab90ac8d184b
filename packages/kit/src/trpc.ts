import type { Logger } from "@aws-lambda-powertools/logger";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { DomainError, type DomainErrorKind } from "./domain-error";

export interface Context {
  correlationId: string;
  logger: Logger;
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
