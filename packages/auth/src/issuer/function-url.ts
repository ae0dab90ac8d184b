/**
 * The issuer behind a Lambda Function URL (sst.aws.Auth in AWS, the auth process's Function URL host
 * locally): where a request comes from, and which scheme the browser really used.
 */
import { type Context, Hono } from "hono";

/** What hono/aws-lambda passes as `c.env`; absent when the app is called with `app.fetch(request)`. */
export type Bindings = { requestContext?: { http?: { sourceIp?: string } } } | undefined;

/**
 * Where a request comes from. Under Lambda, the Function URL's `sourceIp` (AWS takes it from the
 * connection, so a client cannot choose it); otherwise the first `x-forwarded-for` entry.
 */
export const clientAddress = (c: Context<{ Bindings: Bindings }>): string =>
  c.env?.requestContext?.http?.sourceIp ||
  c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ||
  "unknown";

/**
 * hono/aws-lambda always builds an `https://` request URL. Function URLs are https, but the local host
 * serves plain http and says so in `x-forwarded-proto` (as AWS does): believe it, so OpenAuth's issuer
 * claim (`iss`) and cookie flags match the URL the browser actually used.
 */
export const behindFunctionUrl = (app: Hono<{ Bindings: Bindings }>) =>
  new Hono<{ Bindings: Bindings }>().all("*", async (c) => {
    const request = c.req.raw;
    if (c.req.header("x-forwarded-proto") !== "http" || !request.url.startsWith("https:")) {
      return app.fetch(request, c.env);
    }
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const honest = new Request(request.url.replace(/^https:/, "http:"), {
      method: request.method,
      headers: request.headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: "manual",
    });
    return app.fetch(honest, c.env);
  });
