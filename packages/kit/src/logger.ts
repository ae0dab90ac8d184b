import { Logger } from "@aws-lambda-powertools/logger";

const levels = ["DEBUG", "INFO", "WARN", "ERROR", "SILENT"] as const;
type Level = (typeof levels)[number];
const isLevel = (v: string | undefined): v is Level => levels.includes(v as Level);

/** Structured JSON logs; every line of one order's path carries the same `correlationId`. */
export const createLogger = (serviceName: string): Logger => {
  const level = process.env.LOG_LEVEL?.toUpperCase();
  return new Logger({ serviceName, logLevel: isLevel(level) ? level : "INFO" });
};
