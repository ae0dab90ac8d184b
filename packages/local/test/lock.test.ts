import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StartupError } from "@tiffin/aws/emulators";
import { afterEach, describe, expect, it } from "vitest";
import { acquireStackLock, type LockFile, lockFileOf, startTimeOf, stillRunning } from "../src/lock";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "tiffin-lock-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A real process that idles until killed. */
const sleeper = (): ChildProcess => {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  cleanups.push(() => child.kill("SIGKILL"));
  return child;
};

/** The pid of a process that has exited. */
const deadPid = async () => {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((r) => child.once("exit", r));
  return child.pid ?? 0;
};

const record = (pid: number) => ({ pid, startTime: startTimeOf(pid) });
const writeLock = (dir: string, lock: LockFile) => writeFileSync(lockFileOf(dir), JSON.stringify(lock));
const quiet = { port: 3000, say: () => undefined };
const waitUntil = async (check: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe("the stack's lock on its data directory", () => {
  it("refuses a second start on the same data while the first is alive, and says who has it", async () => {
    const dir = dataDir();
    const first = await acquireStackLock(dir, { port: 3000, say: () => undefined });
    cleanups.push(first.release);

    const second = acquireStackLock(dir, { port: 4000, say: () => undefined });
    await expect(second).rejects.toBeInstanceOf(StartupError);
    await expect(second).rejects.toThrow(
      new RegExp(`already running on this data \\(${dir}\\): pid ${process.pid}, PORT 3000`),
    );
    await expect(acquireStackLock(dir, quiet)).rejects.toThrow("TIFFIN_DATA_DIR=<dir>");
  });

  it("takes over a lock whose owner is dead, stopping only the processes it recorded", async () => {
    const dir = dataDir();
    const orphan = sleeper();
    const stranger = sleeper();
    await waitUntil(
      () => startTimeOf(orphan.pid ?? 0) !== undefined && startTimeOf(stranger.pid ?? 0) !== undefined,
    );
    writeLock(dir, {
      ...record(await deadPid()),
      port: 3000,
      startedAt: "2026-01-01T00:00:00.000Z",
      children: { fauxqs: [record(orphan.pid ?? 0)] },
    });
    const said: string[] = [];

    const lock = await acquireStackLock(dir, { port: 3000, say: (l) => said.push(l) });
    cleanups.push(lock.release);

    expect(said.join("\n")).toMatch(/did not stop cleanly[\s\S]*stopping 1 process\(es\) it left running/);
    expect(await waitUntil(() => orphan.exitCode !== null || orphan.signalCode !== null)).toBe(true);
    expect(stillRunning(record(stranger.pid ?? 0))).toBe(true);
    expect((JSON.parse(readFileSync(lockFileOf(dir), "utf8")) as LockFile).pid).toBe(process.pid);
  });

  it("leaves alone a recorded pid that now belongs to another process", async () => {
    const dir = dataDir();
    const reused = sleeper();
    await waitUntil(() => startTimeOf(reused.pid ?? 0) !== undefined);
    writeLock(dir, {
      ...record(await deadPid()),
      port: 3000,
      startedAt: "2026-01-01T00:00:00.000Z",
      // Same pid, another start time: the recorded process is gone and its pid was reused.
      children: { web: [{ pid: reused.pid ?? 0, startTime: "1" }] },
    });
    const lock = await acquireStackLock(dir, quiet);
    cleanups.push(lock.release);
    expect(stillRunning(record(reused.pid ?? 0))).toBe(true);
  });

  it("starts over an unreadable lock file", async () => {
    const dir = dataDir();
    writeFileSync(lockFileOf(dir), "{half a");
    const lock = await acquireStackLock(dir, quiet);
    cleanups.push(lock.release);
    expect((JSON.parse(readFileSync(lockFileOf(dir), "utf8")) as LockFile).pid).toBe(process.pid);
  });

  it("records each child's pid and removes the lock on release", async () => {
    const dir = dataDir();
    const lock = await acquireStackLock(dir, quiet);
    lock.record("dynamodb", [process.pid]);
    const written = JSON.parse(readFileSync(lockFileOf(dir), "utf8")) as LockFile;
    expect(written.children.dynamodb).toEqual([record(process.pid)]);
    lock.release();
    await expect(acquireStackLock(dir, quiet).then((l) => l.release())).resolves.toBeUndefined();
  });
});
