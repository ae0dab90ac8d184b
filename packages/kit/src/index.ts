export { DomainError, type DomainErrorKind } from "./domain-error";
export { createLogger } from "./logger";
export { type Context, createCallerFactory, fieldErrorsOf, publicProcedure, router } from "./trpc";
