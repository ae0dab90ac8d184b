import { TRPCClientError } from "@trpc/client";

/** What went wrong with a call, in words for the person, plus what a form needs to point at fields. */
export interface Problem {
  message: string;
  /** HTTP status from the service; undefined when no service answered (offline, proxy error). */
  status: number | undefined;
  code: string | undefined;
  /** Field path (e.g. "customer.phone") or cart item id -> message. */
  fieldErrors: Record<string, string>;
}

export const UNREACHABLE = "We couldn't reach Tiffin. Check your connection and try again.";
const UNEXPECTED = "Something went wrong on our side. Please try again.";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

const stringEntries = (value: unknown): Record<string, string> =>
  isRecord(value)
    ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"))
    : {};

export const problemOf = (error: unknown): Problem => {
  if (!(error instanceof TRPCClientError)) {
    return { message: UNEXPECTED, status: undefined, code: undefined, fieldErrors: {} };
  }
  const data: unknown = error.data;
  const status = isRecord(data) && typeof data.httpStatus === "number" ? data.httpStatus : undefined;
  // No tRPC error body: the request never reached a service (network down, gateway error page).
  if (!isRecord(data) || status === undefined) {
    return { message: UNREACHABLE, status: undefined, code: undefined, fieldErrors: {} };
  }
  return {
    message: status >= 500 ? UNEXPECTED : error.message,
    status,
    code: typeof data.code === "string" ? data.code : undefined,
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
