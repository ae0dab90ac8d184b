import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

const colours = [36, 35, 33, 32, 34, 91, 96, 95];
let next = 0;

export type LineSink = (line: string) => void;

/** Prefixes every line with a padded, coloured name, so many processes can share one terminal. */
export const prefixer = (name: string): LineSink => {
  const colour = colours[next++ % colours.length];
  const tag = process.stdout.isTTY ? `\x1b[${colour}m${name.padEnd(11)}\x1b[0m│` : `${name.padEnd(11)}│`;
  return (line) => process.stdout.write(`${tag} ${line}\n`);
};

export const pipeLines = (child: ChildProcess, sink: LineSink) => {
  for (const stream of [child.stdout, child.stderr]) {
    let buf = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      buf += chunk;
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) sink(line);
    });
  }
};

export interface Supervised {
  name: string;
  current(): ChildProcess | undefined;
  stop(): Promise<void>;
}

/**
 * Runs a long-lived child and restarts it (after a short pause) if it dies on its own, the way Lambda
 * always has a fresh instance: a crashed service comes back, and its queued work is waiting for it.
 */
export const supervise = (
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions,
  sink: LineSink,
  restartDelayMs = 1000,
): Supervised => {
  let child: ChildProcess | undefined;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  const start = () => {
    child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    pipeLines(child, sink);
    child.once("exit", (code, signal) => {
      if (stopping) return;
      sink(`exited (${signal ?? `code ${code}`}); restarting in ${restartDelayMs / 1000}s`);
      timer = setTimeout(start, restartDelayMs);
    });
  };
  start();
  const onExit = () => child?.kill("SIGKILL");
  process.once("exit", onExit);
  return {
    name,
    current: () => child,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        clearTimeout(timer);
        process.off("exit", onExit);
        const c = child;
        if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
        const force = setTimeout(() => c.kill("SIGKILL"), 5000);
        c.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        c.kill("SIGTERM");
      }),
  };
};

/** Resolves once something answers HTTP on the port (any status). */
export const waitForHttp = async (url: string, timeoutMs: number, what: string): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${what} did not answer on ${url} within ${Math.round(timeoutMs / 1000)}s.`);
};
