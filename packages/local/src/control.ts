/**
 * The running stack's control channel: a small HTTP API on 127.0.0.1 (PORT + 30) that stops and starts
 * one service while the rest keeps running, for `npm run service` today and the ops console later.
 *
 *   GET  /services                 { services: ServiceStatus[] }
 *   GET  /services/<name>          ServiceStatus
 *   POST /services/<name>/stop     { service: ServiceStatus, changed: boolean }   (stopped stays stopped)
 *   POST /services/<name>/start    { service: ServiceStatus, changed: boolean }
 *
 * Every request needs `Authorization: Bearer <token>`; the token is random per start and written, with the
 * API's address, to `<dataDir>/control.json`, readable by its owner only. Errors are `{ error: { message } }`.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import type { Supervised } from "@tiffin/aws/child-processes";

/** What the API shows of a service: `stopped` only when an operator stopped it. */
export interface ServiceStatus {
  name: string;
  state: "running" | "starting" | "restarting" | "stopped";
  pid: number | null;
  /** Restarts after dying on its own (a stop and start on request is not one). */
  restarts: number;
}

export type ControlledService = Pick<Supervised, "state" | "current" | "restarts" | "pause" | "resume">;

export interface ControlFile {
  url: string;
  token: string;
  /** The stack process that wrote it. */
  pid: number;
}

export const controlFileOf = (dataDir: string) => join(dataDir, "control.json");

/** The running stack's control address and token, or undefined when none is written (not running). */
export const readControlFile = (dataDir: string): ControlFile | undefined => {
  try {
    const data = JSON.parse(readFileSync(controlFileOf(dataDir), "utf8")) as Partial<ControlFile>;
    return typeof data.url === "string" && typeof data.token === "string" && typeof data.pid === "number"
      ? { url: data.url, token: data.token, pid: data.pid }
      : undefined;
  } catch {
    return undefined;
  }
};

const statusOf = (name: string, svc: ControlledService): ServiceStatus => {
  const state = svc.state();
  const pid = svc.current()?.pid;
  return {
    name,
    state: state === "paused" ? "stopped" : state,
    pid: state === "running" || state === "starting" ? (pid ?? null) : null,
    restarts: svc.restarts(),
  };
};

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(`${JSON.stringify(body)}\n`);
};
const refuse = (res: ServerResponse, status: number, message: string, headers?: Record<string, string>) =>
  send(res, status, { error: { message } }, headers);

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Constant-time comparison of the presented bearer token with ours. */
const authorized = (req: IncomingMessage, token: string): boolean => {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
};

/**
 * The API over `services` (by name). Stop and start of one service run one at a time, so `changed` says
 * truthfully whether this request was the one that changed it.
 */
export const createControlServer = (opts: {
  token: string;
  services: Record<string, ControlledService>;
  say?: (line: string) => void;
}): Server => {
  const queues = new Map<string, Promise<unknown>>();
  const serially = <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const next = (queues.get(name) ?? Promise.resolve()).then(run, run);
    queues.set(
      name,
      next.catch(() => undefined),
    );
    return next;
  };
  const names = Object.keys(opts.services);
  const unknown = (res: ServerResponse, name: string) =>
    refuse(res, 404, `There is no service called "${name}". Services: ${names.join(", ")}.`);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!authorized(req, opts.token)) {
      return refuse(
        res,
        401,
        "This needs the stack's control token: send `Authorization: Bearer <token>` with the token from control.json in the stack's data directory.",
      );
    }
    const path = new URL(req.url ?? "/", "http://control").pathname.replace(/\/+$/, "");
    if (path === "/services") {
      if (req.method !== "GET") return refuse(res, 405, "Use GET /services.", { allow: "GET" });
      return send(res, 200, {
        services: Object.entries(opts.services).map(([name, svc]) => statusOf(name, svc)),
      });
    }
    const match = /^\/services\/([^/]+)(?:\/(stop|start))?$/.exec(path);
    if (!match?.[1]) {
      return refuse(res, 404, "Not a control route: GET /services, POST /services/<name>/stop or /start.");
    }
    const name = decodeURIComponent(match[1]);
    const action = match[2] as "stop" | "start" | undefined;
    const svc = Object.hasOwn(opts.services, name) ? opts.services[name] : undefined;
    if (!svc) return unknown(res, name);
    if (!action) {
      if (req.method !== "GET") return refuse(res, 405, `Use GET /services/${name}.`, { allow: "GET" });
      return send(res, 200, statusOf(name, svc));
    }
    if (req.method !== "POST") {
      return refuse(res, 405, `Use POST /services/${name}/${action}.`, { allow: "POST" });
    }
    try {
      const changed = await serially(name, async () => {
        const paused = svc.state() === "paused";
        if (action === "stop") {
          if (paused) return false;
          opts.say?.(`stopping the ${name} service on request (control API)`);
          await svc.pause();
          return true;
        }
        if (!paused) return false;
        opts.say?.(`starting the ${name} service on request (control API)`);
        await svc.resume();
        return true;
      });
      return send(res, 200, { service: statusOf(name, svc), changed });
    } catch (error) {
      return refuse(
        res,
        503,
        `The ${name} service did not come up: ${error instanceof Error ? error.message : String(error)}. It is restarted like after a crash.`,
      );
    }
  };

  return createServer((req, res) => {
    // No request body is read: drain whatever was sent so the connection can be reused.
    req.resume();
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) refuse(res, 500, `The control API failed: ${String(error)}`);
    });
  });
};

/**
 * Starts the control API on 127.0.0.1:`port` and writes `<dataDir>/control.json` (mode 0600) for the CLI;
 * `stop()` closes it and removes the file if it is still ours.
 */
export const startControlServer = async (opts: {
  port: number;
  dataDir: string;
  services: Record<string, ControlledService>;
  say?: (line: string) => void;
}): Promise<{ url: string; stop(): Promise<void> }> => {
  const token = randomBytes(32).toString("base64url");
  const server = createControlServer({ token, services: opts.services, say: opts.say });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const file = controlFileOf(opts.dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  const content: ControlFile = { url, token, pid: process.pid };
  rmSync(tmp, { force: true });
  writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600); // whatever the umask
  renameSync(tmp, file);
  return {
    url,
    stop: async () => {
      if (readControlFile(opts.dataDir)?.token === token) rmSync(file, { force: true });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
