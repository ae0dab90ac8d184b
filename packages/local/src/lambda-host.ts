import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { lambdaContext } from "@tiffin/kit/lambda";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context as LambdaContext,
} from "aws-lambda";

export type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: LambdaContext,
) => Promise<APIGatewayProxyStructuredResultV2 | string | undefined>;

/** Function URLs accept 6 MB; nothing here needs more than a fraction of that. */
export const MAX_BODY_BYTES = 1_000_000;

class TooLarge extends Error {}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new TooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

/** Builds the Function URL (payload format 2.0) event Lambda would hand the handler. */
export const toFunctionUrlEvent = (req: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 => {
  const url = new URL(req.url ?? "/", "http://local");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "cookie") continue;
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  // A Function URL tells the handler the scheme the client used, as AWS does; here it is always http.
  headers["x-forwarded-proto"] = "http";
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const now = new Date();
  const isText = body.length === 0 || /json|text|x-www-form-urlencoded/.test(headers["content-type"] ?? "");
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: req.headers.cookie?.split(/;\s*/),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    requestContext: {
      accountId: "anonymous",
      apiId: "local",
      domainName: headers.host ?? "localhost",
      domainPrefix: "local",
      http: {
        method: req.method ?? "GET",
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey: "$default",
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length ? (isText ? body.toString("utf8") : body.toString("base64")) : undefined,
    isBase64Encoded: !isText,
    pathParameters: undefined,
    stageVariables: undefined,
  };
};

const json = (status: number, message: string) => ({
  statusCode: status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ error: { message } }),
});

/** Serves one Lambda handler over HTTP the way a Function URL would (one invocation per request). */
export const createLambdaHost = (opts: {
  functionName: string;
  handler: HttpHandler;
  timeoutMs: number;
}): Server =>
  createServer(async (req, res) => {
    let result: APIGatewayProxyStructuredResultV2;
    try {
      const body = await readBody(req);
      const out = await opts.handler(
        toFunctionUrlEvent(req, body),
        lambdaContext(opts.functionName, opts.timeoutMs),
      );
      result = typeof out === "object" && out ? out : { statusCode: 200, body: out ?? "" };
    } catch (err) {
      result =
        err instanceof TooLarge
          ? json(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`)
          : json(502, "The service failed to answer. Please try again.");
      if (!(err instanceof TooLarge))
        console.error(JSON.stringify({ level: "ERROR", message: "handler threw", error: String(err) }));
    }
    const headers = { ...(result.headers ?? {}) } as Record<string, string | number | boolean>;
    res.statusCode = result.statusCode ?? 200;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, String(v));
    if (result.cookies?.length) res.setHeader("set-cookie", result.cookies);
    res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? "base64" : "utf8") : undefined);
  });
