import superjson, { type SuperJSONResult } from "superjson";

/** What one catalog read from the restaurants service came to, as a page needs to know it. */
export type CatalogRead<T> =
  | { status: "ok"; data: T }
  /** The service answered that there is no such restaurant (404), or that the slug cannot be one (400). */
  | { status: "not-found" }
  /** No answer from the service: it is down, slow, or something between us and it failed. */
  | { status: "unavailable"; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/**
 * Reads one tRPC query answer (`{ result: { data } }` or `{ error: { json } }`, superjson-encoded) the way
 * the browser's link would. Anything else (a gateway's error page, the local router's 503) is `unavailable`.
 */
export const readAnswer = <T>(httpStatus: number, body: unknown): CatalogRead<T> => {
  if (httpStatus === 200 && isRecord(body) && isRecord(body.result) && isRecord(body.result.data)) {
    return { status: "ok", data: superjson.deserialize<T>(body.result.data as unknown as SuperJSONResult) };
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error.json : undefined;
  const data = isRecord(error) ? error.data : undefined;
  const answered = isRecord(data) && typeof data.httpStatus === "number" ? data.httpStatus : undefined;
  if (answered === 404 || answered === 400) return { status: "not-found" };
  return {
    status: "unavailable",
    reason: `the restaurants service answered ${httpStatus}${answered === undefined ? " (not from the service)" : ""}`,
  };
};
