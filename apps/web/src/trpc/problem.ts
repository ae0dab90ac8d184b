import { TRPCClientError } from "@trpc/client";

/** What went wrong with a call, in words for the person, plus what a form needs to point at fields. */
export interface Problem {
  message: string;
  /**
   * HTTP status from the service, or from the router / gateway when it answered for a service that is down;
   * undefined when nothing answered (offline).
   */
  status: number | undefined;
  code: string | undefined;
  /** Field path (e.g. "customer.phone") or cart item id -> message. */
  fieldErrors: Record<string, string>;
}

export const UNREACHABLE = "We couldn't reach Tiffin. Check your connection and try again.";
export const SERVICE_DOWN = "This part of Tiffin is temporarily unavailable. Please try again in a moment.";
const UNEXPECTED = "Something went wrong on our side. Please try again.";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

const stringEntries = (value: unknown): Record<string, string> =>
  isRecord(value)
    ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"))
    : {};

/** The HTTP status of the answer, whoever gave it (a service, the router, a gateway); undefined if none came. */
const answeredStatus = (error: { meta?: unknown }): number | undefined => {
  const meta: unknown = error.meta;
  const response = isRecord(meta) ? meta.response : undefined;
  return isRecord(response) && typeof response.status === "number" ? response.status : undefined;
};

/**
 * The service did not answer, but the router or gateway in front of it did, with a 5xx: the service is down
 * (stopped, crashed, overloaded). Reads still fail, while what was sent to it earlier waits in its queue.
 */
export const isServiceDown = (error: unknown): boolean => {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  if (isRecord(data) && typeof data.httpStatus === "number") return false; // the service itself answered
  const status = answeredStatus(error);
  return status !== undefined && status >= 500;
};

export const problemOf = (error: unknown): Problem => {
  if (!(error instanceof TRPCClientError)) {
    return { message: UNEXPECTED, status: undefined, code: undefined, fieldErrors: {} };
  }
  const data: unknown = error.data;
  const status = isRecord(data) && typeof data.httpStatus === "number" ? data.httpStatus : undefined;
  // No tRPC error body: the service never answered. A 5xx from what stands in front of it means it is down;
  // no answer at all means the network (or Tiffin as a whole) is out of reach.
  if (!isRecord(data) || status === undefined) {
    return isServiceDown(error)
      ? { message: SERVICE_DOWN, status: answeredStatus(error), code: undefined, fieldErrors: {} }
      : { message: UNREACHABLE, status: undefined, code: undefined, fieldErrors: {} };
  }
  const code = typeof data.code === "string" ? data.code : undefined;
  return {
    // A 503 SERVICE_UNAVAILABLE is written for people (e.g. "Sign-in checks are temporarily unavailable");
    // any other 5xx text is internal.
    message: status >= 500 && code !== "SERVICE_UNAVAILABLE" ? UNEXPECTED : error.message,
    status,
    code,
    fieldErrors: stringEntries(data.fieldErrors),
  };
};

/** 4xx: the request itself was refused, so retrying it unchanged cannot help. */
export const isRefusal = (error: unknown): boolean => {
  const { status } = problemOf(error);
  return status !== undefined && status >= 400 && status < 500;
};

export const isNotFound = (error: unknown): boolean => {
  const { status } = problemOf(error);
  return status === 404;
};
