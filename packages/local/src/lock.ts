/**
 * One stack per data directory. `npm start` writes `<data>/stack.lock` with its own pid and, as they
 * start, those of every process it runs (emulators, services, web app). A second start on the same data
 * is refused while the first lives; a start after a kill -9 finds the lock's owner dead and first stops
 * the processes that run recorded (by pid, and only if the pid still belongs to the process recorded).
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { StartupError } from "@tiffin/aws/emulators";

export interface RecordedProcess {
  pid: number;
  /** From /proc/<pid>/stat: tells the process recorded from a later one that reuses its pid. */
  startTime?: string;
}

export interface LockFile extends RecordedProcess {
  port: number;
  startedAt: string;
  children: Record<string, RecordedProcess[]>;
}

export interface StackLock {
  file: string;
  /** Replaces the processes recorded under `name` (a restart has new pids). */
  record(name: string, pids: number[]): void;
  release(): void;
}

export const lockFileOf = (dataDir: string) => join(dataDir, "stack.lock");

/** When the process started, in clock ticks since boot; undefined where there is no /proc. */
export const startTimeOf = (pid: number): string | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22; the command name (field 2) may hold spaces and parentheses, so count after its ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[0] === "Z" ? undefined : fields[19];
  } catch {
    return undefined;
  }
};

/** Whether `p` is still the very process that was recorded. */
export const stillRunning = (p: RecordedProcess): boolean => {
  try {
    process.kill(p.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = startTimeOf(p.pid);
  // Without /proc (not Linux) a live pid is taken at its word; with it, the start time must match.
  return p.startTime === undefined ? now === undefined : now === p.startTime;
};

const readLock = (file: string): LockFile | undefined => {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as LockFile;
    return typeof data.pid === "number" ? { ...data, children: data.children ?? {} } : undefined;
  } catch {
    return undefined; // unreadable or half-written: nobody can own it
  }
};

const writeAtomically = (file: string, data: LockFile) => {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(tmp, file);
};

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Stops what a dead stack left running: SIGTERM, then SIGKILL for whatever is still there after 5 s. */
const stopOrphans = async (orphans: RecordedProcess[], say: (line: string) => void) => {
  const alive = orphans.filter(stillRunning);
  if (alive.length === 0) return;
  say(`stopping ${alive.length} process(es) it left running: pid ${alive.map((p) => p.pid).join(", ")}`);
  for (const p of alive) {
    try {
      process.kill(p.pid, "SIGTERM");
    } catch {}
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && alive.some(stillRunning)) await pause(100);
  for (const p of alive.filter(stillRunning)) {
    try {
      process.kill(p.pid, "SIGKILL");
    } catch {}
  }
  while (alive.some(stillRunning) && Date.now() < deadline + 5000) await pause(100);
};

/**
 * Takes the data directory for this process, or refuses with a message that says who has it. A lock
 * left by a stack that died is taken over once what it recorded is stopped.
 */
export const acquireStackLock = async (
  dataDir: string,
  opts: { port: number; say: (line: string) => void },
): Promise<StackLock> => {
  await mkdir(dataDir, { recursive: true });
  const file = lockFileOf(dataDir);
  const mine: LockFile = {
    pid: process.pid,
    startTime: startTimeOf(process.pid),
    port: opts.port,
    startedAt: new Date().toISOString(),
    children: {},
  };
  for (let attempt = 0; ; attempt++) {
    try {
      // "wx": only one of two starts racing for the directory creates the file.
      closeSync(openSync(file, "wx"));
      writeAtomically(file, mine);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) {
        throw new StartupError(`Cannot lock the data directory ${dataDir}: ${(error as Error).message}`);
      }
    }
    const held = readLock(file);
    if (held && stillRunning(held)) {
      throw new StartupError(
        `Tiffin is already running on this data (${dataDir}): pid ${held.pid}, PORT ${held.port}, started ${held.startedAt}. ` +
          `Stop it first (Ctrl-C in its terminal, or kill ${held.pid}), or start this one on its own data with TIFFIN_DATA_DIR=<dir>.`,
      );
    }
    if (held) {
      opts.say(`A previous run (pid ${held.pid}, started ${held.startedAt}) did not stop cleanly.`);
      await stopOrphans(Object.values(held.children).flat(), opts.say);
    }
    rmSync(file, { force: true });
  }
  let released = false;
  return {
    file,
    record(name, pids) {
      if (released) return;
      mine.children[name] = pids.map((pid) => ({ pid, startTime: startTimeOf(pid) }));
      writeAtomically(file, mine);
    },
    release() {
      if (released) return;
      released = true;
      // Only our own lock: never one a later start took over.
      if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
};
