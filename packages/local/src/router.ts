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

/** The media bucket on fauxqs's S3, for `/media/<key>` (reads) and `/media-upload` (presigned form posts). */
export interface MediaRoute {
  /** fauxqs, e.g. http://127.0.0.1:3003 (path-style: /<bucket>/<key>). */
  endpoint: string;
  bucket: string;
}

/** The biggest form post /media-upload forwards: a 2 MB photo plus the policy fields around it. */
export const MEDIA_UPLOAD_MAX_BYTES = 2 * 1024 * 1024 + 64 * 1024;
const MEDIA_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** `/media/<key>` -> the object's key; undefined for any other path (or a key that could climb out). */
export const mediaKeyOf = (url: string): string | undefined => {
  const match = /^\/media\/([^?]+)(\?.*)?$/.exec(url);
  const key = match?.[1];
  return key && MEDIA_KEY.test(key) && !key.split("/").includes("..") ? key : undefined;
};

const sendText = (res: ServerResponse, status: number, message: string) => {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(message);
};

/**
 * What the Router's bucket route does on AWS: GET (and HEAD) of an object, served with a year's cache
 * (keys are never reused) and never sniffed as anything but what it was stored as.
 */
const serveMedia = (req: IncomingMessage, res: ServerResponse, media: MediaRoute, key: string) => {
  if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "Media is read-only.");
  const upstream = request(
    `${media.endpoint}/${media.bucket}/${key}`,
    { method: req.method, headers: {} },
    (up) => {
      const status = up.statusCode ?? 502;
      if (status === 404 || status === 403) {
        up.resume();
        return sendText(res, 404, "There is no such photo.");
      }
      if (status !== 200) {
        up.resume();
        return sendText(res, 502, "The photo could not be read. Please try again.");
      }
      res.writeHead(200, {
        "content-type": up.headers["content-type"] ?? "application/octet-stream",
        ...(up.headers["content-length"] ? { "content-length": up.headers["content-length"] } : {}),
        ...(up.headers.etag ? { etag: up.headers.etag } : {}),
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
      });
      up.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (res.headersSent) return res.destroy();
    sendText(res, 503, "Photos are temporarily unavailable.");
  });
  upstream.end();
};

/**
 * A presigned form post, forwarded to the bucket. Same-origin here because fauxqs sends no CORS headers;
 * fauxqs does not check the policy either, so the size limit the policy states is enforced here too.
 */
const forwardUpload = (req: IncomingMessage, res: ServerResponse, media: MediaRoute) => {
  if (req.method !== "POST") return sendText(res, 405, "Upload photos with a form POST.");
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (!Number.isFinite(declared)) return sendText(res, 411, "Uploads need a Content-Length.");
  if (declared > MEDIA_UPLOAD_MAX_BYTES) {
    req.resume();
    return sendText(res, 413, "That photo is larger than 2 MB: upload a smaller one.");
  }
  const upstream = request(
    `${media.endpoint}/${media.bucket}`,
    {
      method: "POST",
      headers: { "content-type": req.headers["content-type"] ?? "", "content-length": String(declared) },
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, {
        "content-type": up.headers["content-type"] ?? "text/plain",
        "cache-control": "no-store",
      });
      up.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (res.headersSent) return res.destroy();
    sendText(res, 503, "Photo uploads are temporarily unavailable. Please try again in a moment.");
  });
  req.pipe(upstream);
};

const sendJson = (res: ServerResponse, status: number, message: string) => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify({ error: { message, code: status === 404 ? "NOT_FOUND" : "SERVICE_UNAVAILABLE" } }));
};

export const createLocalRouter = (opts: {
  servicePorts: Record<string, number>;
  nextPort: number;
  media?: MediaRoute;
}): Server =>
  createServer((req: IncomingMessage, res: ServerResponse) => {
    if (opts.media) {
      const url = req.url ?? "/";
      if (url === "/media-upload" || url.startsWith("/media-upload?"))
        return forwardUpload(req, res, opts.media);
      if (url.startsWith("/media/")) {
        const key = mediaKeyOf(url);
        return key ? serveMedia(req, res, opts.media, key) : sendText(res, 404, "There is no such photo.");
      }
    }
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
