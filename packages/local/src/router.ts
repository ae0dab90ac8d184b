import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";

/**
 * The local stand-in for the production `sst.aws.Router`: `/trpc/<service>/<rest>` goes to that service
 * with the prefix stripped (the same rewrite the Router applies), everything else to Next.js.
 * Hand-written (a plain streaming pass-through) rather than http-proxy: it needs no WebSocket or
 * header rewriting yet, and this keeps the production path rules in one readable place.
 */
export const routeFor = (
  url: string,
  servicePorts: Record<string, number>,
  nextPort: number,
): { port: number; path: string; service?: string } | { unknownService: string } => {
  const match = /^\/trpc\/([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(url);
  if (!match) return { port: nextPort, path: url };
  const [, service = "", rest = "/", query = ""] = match;
  const port = servicePorts[service];
  if (!port) return { unknownService: service };
  return { port, path: `${rest}${query}`, service };
};

const sendJson = (res: ServerResponse, status: number, message: string) => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify({ error: { message, code: status === 404 ? "NOT_FOUND" : "SERVICE_UNAVAILABLE" } }));
};

export const createLocalRouter = (opts: { servicePorts: Record<string, number>; nextPort: number }): Server =>
  createServer((req: IncomingMessage, res: ServerResponse) => {
    const route = routeFor(req.url ?? "/", opts.servicePorts, opts.nextPort);
    if ("unknownService" in route)
      return sendJson(res, 404, `There is no service called "${route.unknownService}".`);
    const upstream = request(
      {
        host: "127.0.0.1",
        port: route.port,
        method: req.method,
        path: route.path,
        headers: { ...req.headers, "x-forwarded-host": req.headers.host ?? "", "x-forwarded-proto": "http" },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (res.headersSent) return res.destroy();
      sendJson(
        res,
        503,
        route.service
          ? `The ${route.service} service is temporarily unavailable. Nothing was changed; please try again in a moment.`
          : "The website is starting or temporarily unavailable. Please try again in a moment.",
      );
    });
    req.pipe(upstream);
  });
