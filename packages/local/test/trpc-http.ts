/**
 * A minimal tRPC-over-HTTP client for system tests: it sends exactly what a browser (or an attacker)
 * would put on the wire, and returns the raw status and body instead of throwing.
 */
export interface CallResult {
  status: number;
  body: unknown;
  /** The error message the service answered with, if any. */
  message?: string;
}

export type ProcedureKind = "query" | "mutation";

export const callProcedure = async (opts: {
  apiBase: string;
  path: string; // "orders.get"
  kind: ProcedureKind;
  input?: unknown;
  token?: string;
  headers?: Record<string, string>;
}): Promise<CallResult> => {
  const [service, ...rest] = opts.path.split(".");
  const url = new URL(`/trpc/${service}/${rest.join(".")}`, opts.apiBase);
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const wire = opts.input === undefined ? undefined : JSON.stringify({ json: opts.input });
  let res: Response;
  if (opts.kind === "query") {
    if (wire !== undefined) url.searchParams.set("input", wire);
    res = await fetch(url, { headers });
  } else {
    res = await fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: wire ?? "",
    });
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text, the status says enough.
  }
  const message = (body as { error?: { json?: { message?: string } } })?.error?.json?.message;
  return { status: res.status, body, message };
};
