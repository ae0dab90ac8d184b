/**
 * `npm run service -- status | stop <service> | start <service>`: takes one service of the running local
 * stack down (it stays down) or brings it back, through the stack's control API (src/control.ts). Finds
 * the stack by its data directory (TIFFIN_DATA_DIR, default .data/local), like `npm start` does.
 */
import { pathToFileURL } from "node:url";
import { localConfig } from "./config";
import { controlFileOf, readControlFile, type ServiceStatus } from "./control";

const USAGE = "usage: npm run service -- status | stop <service> | start <service>";

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

class CliError extends Error {}

const describe = (s: ServiceStatus) =>
  `${s.name.padEnd(12)} ${s.state.padEnd(10)} ${s.pid === null ? "-".padEnd(10) : `pid ${s.pid}`.padEnd(10)} ${s.restarts} restart${s.restarts === 1 ? "" : "s"}`;

/** Runs the command; resolves with the exit code (0 done, 1 refused or not reachable, 2 usage). */
export const runServiceCli = async (args: string[], io: CliIo): Promise<number> => {
  const [command, name, ...extra] = args;
  const needsName = command === "stop" || command === "start";
  const valid = command === "status" ? name === undefined : needsName && Boolean(name) && extra.length === 0;
  if (!valid) {
    io.err(USAGE);
    return 2;
  }
  let dataDir: string;
  try {
    dataDir = localConfig(io.env).dataDir;
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
  const control = readControlFile(dataDir);
  if (!control) {
    io.err(
      `Tiffin is not running on ${dataDir} (no ${controlFileOf(dataDir)}). Start it with \`npm start\`, with the same PORT and TIFFIN_DATA_DIR.`,
    );
    return 1;
  }

  const call = async (method: "GET" | "POST", path: string): Promise<unknown> => {
    let res: Response;
    try {
      res = await fetch(`${control.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${control.token}` },
        signal: AbortSignal.timeout(60_000),
      });
    } catch {
      throw new CliError(
        `Tiffin's control API (${control.url}) does not answer: the stack that wrote ${controlFileOf(dataDir)} (pid ${control.pid}) has stopped or is still starting.`,
      );
    }
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    if (res.status === 401) {
      throw new CliError(
        `The control API refused the token in ${controlFileOf(dataDir)}: it belongs to another start of Tiffin. Restart the stack.`,
      );
    }
    if (!res.ok) throw new CliError(body.error?.message ?? `The control API answered ${res.status}.`);
    return body;
  };

  try {
    if (command === "status") {
      const { services } = (await call("GET", "/services")) as { services: ServiceStatus[] };
      for (const s of services) io.out(describe(s));
      return 0;
    }
    const target = encodeURIComponent(name ?? "");
    const { service, changed } = (await call("POST", `/services/${target}/${command}`)) as {
      service: ServiceStatus;
      changed: boolean;
    };
    if (command === "stop") {
      io.out(
        changed
          ? `Stopped the ${service.name} service; the others keep running. What is sent to it waits in its queues until \`npm run service -- start ${service.name}\`.`
          : `The ${service.name} service was already stopped.`,
      );
    } else {
      const pid = service.pid === null ? "" : ` (pid ${service.pid})`;
      io.out(
        changed
          ? `Started the ${service.name} service${pid}; it now works through what waited in its queues.`
          : `The ${service.name} service is already running${pid}.`,
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(error.message);
    return 1;
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await runServiceCli(process.argv.slice(2), {
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
