import { Logger } from "@aws-lambda-powertools/logger";

/** Structured JSON logs; every line of one order's path carries the same `correlationId`. */
export const createLogger = (serviceName: string): Logger =>
  new Logger({ serviceName, logLevel: process.env.LOG_LEVEL === "DEBUG" ? "DEBUG" : "INFO" });
