export { DomainError, type DomainErrorKind } from "./domain-error";
export { createLogger } from "./logger";
export {
  agentProcedure,
  authedProcedure,
  type Context,
  courierProcedure,
  createCallerFactory,
  customerProcedure,
  fieldErrorsOf,
  operatorProcedure,
  publicProcedure,
  requireRole,
  router,
  staffProcedure,
} from "./trpc";
