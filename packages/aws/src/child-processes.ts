/**
 * The one set of child-process helpers: the emulators (here) and the local stack's services and web app
 * (packages/local) are all started, watched, restarted and stopped through these.
 */
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { join } from "node:path";

export type LineSink = (line: string) => void;

/**
 * A `--require` preload for Node children: they exit (through their own SIGTERM handler, if any) when the
 * process that started them dies, because their stdin pipe from it closes. A parent killed with -9 leaves
 * no child holding a port.
 */
export const PARENT_WATCH = join(import.meta.dirname, "parent-watch.cjs");

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

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Resolves once something answers HTTP on `url` (any status); fails early if `child` exits. */
export const waitForHttp = async (
  url: string,
  opts: { timeoutMs: number; what: string; child?: ChildProcess },
): Promise<void> => {
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    if (opts.child && exited(opts.child)) {
      throw new Error(
        `${opts.what} exited during startup (${opts.child.signalCode ?? `code ${opts.child.exitCode}`}).`,
      );
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${opts.what} did not answer on ${url} within ${Math.round(opts.timeoutMs / 1000)}s.`);
};

/**
 * How a child is asked to stop: a signal, or closing its stdin (for hosts such as `unshare`, which
 * ignores SIGTERM). Either way it is killed after `graceMs`.
 */
export type StopWith = "SIGTERM" | "close-stdin";

export const stopChild = (child: ChildProcess, stopWith: StopWith = "SIGTERM", graceMs = 5000) =>
  new Promise<void>((resolve) => {
    if (exited(child)) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    if (stopWith === "close-stdin") child.stdin?.end();
    else child.kill("SIGTERM");
  });

/**
 * `running`: an instance is up and ready; `starting`: one was spawned and is not ready yet; `restarting`:
 * it died on its own and the next one is scheduled; `paused`: stopped on request, kept stopped.
 */
export type SupervisedState = "running" | "starting" | "restarting" | "paused";

export interface Supervised {
  name: string;
  current(): ChildProcess | undefined;
  /** How many times it was restarted after dying on its own. */
  restarts(): number;
  state(): SupervisedState;
  /**
   * Stops the instance and keeps it stopped (no restart) until `resume()`, for an operator taking one
   * service down on purpose. Resolves once it has exited; pausing a paused child changes nothing.
   */
  pause(): Promise<void>;
  /** Starts an instance again after `pause()` and resolves once it is ready; a running child is left alone. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  /** What people read in messages, e.g. "DynamoDB Local". */
  name: string;
  command: string;
  args: string[];
  options?: SpawnOptions;
  sink: LineSink;
  /** Filters the child's own output lines (supervisor messages always go to `sink`). */
  output?: LineSink;
  /** Waits until a fresh instance serves; run after every start. A failure counts as a crash. */
  ready?: (child: ChildProcess) => Promise<void>;
  /** Called with each new instance (e.g. to record its pid in the stack's lock file). */
  onSpawn?: (child: ChildProcess) => void;
  /** Called once an instance that replaced a dead one is ready (e.g. to provision it again). */
  onRestarted?: () => Promise<void>;
  stopWith?: StopWith;
  /** First restart delay; doubled after each crash in a row, up to `maxRestartDelayMs`. */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
  /** An instance that stayed up this long resets the delay. */
  stableAfterMs?: number;
}

/**
 * Runs a long-lived child and restarts it, with backoff, whenever it dies on its own: a crashed service
 * or emulator comes back, the way Lambda always has a fresh instance, and what waited in its queues is
 * processed then. Resolves once the first instance is ready; a first start that fails is an error (it
 * would most likely fail again), not something to retry.
 */
export const supervise = async (opts: SuperviseOptions): Promise<Supervised> => {
  const first = opts.restartDelayMs ?? 1000;
  const max = opts.maxRestartDelayMs ?? 30_000;
  let child: ChildProcess | undefined;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let restarts = 0;
  let delay = first;
  let live = false; // until the first instance is ready, its death is a startup error, not a crash
  let paused = false;
  let ready = false; // the current instance passed `ready`
  // pause() and resume() run one at a time, in the order they were asked for.
  let control: Promise<unknown> = Promise.resolve();
  const serially = <T>(run: () => Promise<T>): Promise<T> => {
    const next = control.then(run, run);
    control = next.catch(() => undefined);
    return next;
  };
  const say = (line: string) => opts.sink(`[supervisor] ${line}`);

  const spawnOne = () => {
    // Its own process group: Ctrl-C reaches only the parent, which stops its children in order (a child
    // that died of the same SIGINT would look like a crash). stdin is the parent's pipe (PARENT_WATCH).
    const c = spawn(opts.command, opts.args, {
      ...opts.options,
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    c.stdin?.on("error", () => undefined); // a child that exits first closes its end
    c.on("error", (error) => say(`${opts.name} could not be started: ${error.message}`));
    pipeLines(c, opts.output ?? opts.sink);
    child = c;
    opts.onSpawn?.(c);
    return c;
  };

  const watch = (c: ChildProcess, startedAt: number) => {
    c.once("exit", (code, signal) => {
      if (child === c) ready = false;
      if (stopping || paused || child !== c || !live) return;
      if (Date.now() - startedAt >= (opts.stableAfterMs ?? 60_000)) delay = first;
      say(
        `${opts.name} exited on its own (${signal ?? `code ${code}`}); restarting it in ${delay / 1000}s` +
          (restarts > 0 ? ` (restart ${restarts + 1})` : ""),
      );
      timer = setTimeout(restart, delay);
      delay = Math.min(delay * 2, max);
    });
  };

  const restart = async () => {
    if (stopping || paused) return;
    restarts++;
    const c = spawnOne();
    watch(c, Date.now());
    try {
      await opts.ready?.(c);
      if (stopping || paused || child !== c) return;
      ready = true;
      await opts.onRestarted?.();
      say(`${opts.name} is back (restart ${restarts}).`);
    } catch (error) {
      if (stopping || paused || child !== c) return;
      say(`${opts.name} did not come back: ${error instanceof Error ? error.message : error}`);
      c.kill("SIGKILL"); // its exit schedules the next try
    }
  };

  const onParentExit = () => child?.kill("SIGKILL");
  process.once("exit", onParentExit);
  const c = spawnOne();
  watch(c, Date.now());
  const stop = async () => {
    stopping = true;
    clearTimeout(timer);
    process.off("exit", onParentExit);
    if (child) await stopChild(child, opts.stopWith);
  };
  const pause = () =>
    serially(async () => {
      if (stopping) return;
      if (!paused) say(`${opts.name} is being stopped on request; it stays stopped until started again.`);
      paused = true;
      clearTimeout(timer);
      if (child) await stopChild(child, opts.stopWith);
    });
  const resume = () =>
    serially(async () => {
      if (stopping || !paused) return;
      paused = false;
      say(`${opts.name} is being started on request.`);
      const c = spawnOne();
      watch(c, Date.now());
      try {
        await opts.ready?.(c);
      } catch (error) {
        // A crash, as far as the supervisor is concerned: the instance is killed and the next one scheduled.
        if (child === c && !stopping && !paused) c.kill("SIGKILL");
        throw error;
      }
      if (child !== c || stopping || paused) return;
      ready = true;
      await opts.onRestarted?.();
      say(`${opts.name} is running again.`);
    });
  const state = (): SupervisedState => {
    if (paused) return "paused";
    if (child && !exited(child)) return ready ? "running" : "starting";
    return "restarting";
  };
  try {
    await opts.ready?.(c);
  } catch (error) {
    await stop();
    throw error;
  }
  live = true;
  ready = true;
  return { name: opts.name, current: () => child, restarts: () => restarts, state, pause, resume, stop };
};
