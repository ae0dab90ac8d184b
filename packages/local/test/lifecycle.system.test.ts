/**
 * `npm start` killed with -9 (npm itself, or the stack's own process) leaves nothing behind that holds a
 * port or the data directory, and the next start on the same data proceeds. Runs its own API-only stack
 * beside the one the other system tests use.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isAlive } from "@tiffin/aws/testing/processes";
import { afterAll, describe, expect, inject, it } from "vitest";
import { localConfig, repoRoot } from "../src/config";
import { type LockFile, lockFileOf } from "../src/lock";

const cfg = localConfig({
  PORT: String(inject("stackPort") + 200),
  TIFFIN_DATA_DIR: mkdtempSync(join(tmpdir(), "tiffin-lifecycle-")),
});
afterAll(() => rmSync(cfg.dataDir, { recursive: true, force: true }));

const started: ChildProcess[] = [];
afterAll(() => {
  for (const c of started) c.kill("SIGKILL");
});

/** `npm start -- --api-only` as a person runs it; resolves once it says it is ready. */
const npmStart = async () => {
  const npm = spawn("npm", ["start", "--", "--api-only"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(cfg.port), TIFFIN_DATA_DIR: cfg.dataDir, LOG_LEVEL: "WARN" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(npm);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 90s:\n${output}`)), 90_000);
    npm.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
      if (output.includes("Tiffin is ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    npm.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    npm.once("exit", (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  const lock = JSON.parse(readFileSync(lockFileOf(cfg.dataDir), "utf8")) as LockFile;
  return {
    npm,
    lock,
    output: () => output,
    recorded: Object.values(lock.children)
      .flat()
      .map((p) => p.pid),
  };
};

const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
const ports = () => [
  cfg.port,
  cfg.dynamoPort,
  cfg.fauxqsPort,
  ...Object.values(cfg.servicePorts),
  cfg.issuerPort,
];
const openPorts = async () =>
  (await Promise.all(ports().map(async (p) => ((await portAnswers(p)) ? p : 0)))).filter(Boolean);

describe("npm start killed with -9", () => {
  it("stops everything when npm itself is killed: no process, port or lock left", async () => {
    const run = await npmStart();
    expect(run.recorded.length).toBeGreaterThanOrEqual(5);
    run.npm.kill("SIGKILL");
    await expect.poll(() => [run.lock.pid, ...run.recorded].filter(isAlive), { timeout: 20_000 }).toEqual([]);
    expect(await openPorts()).toEqual([]);
    expect(existsSync(lockFileOf(cfg.dataDir))).toBe(false);
  });

  it("after the stack's own process is killed, its children stop and the next start proceeds", async () => {
    const run = await npmStart();
    process.kill(run.lock.pid, "SIGKILL");
    await expect.poll(() => run.recorded.filter(isAlive), { timeout: 20_000 }).toEqual([]);
    expect(await openPorts()).toEqual([]);
    expect(existsSync(lockFileOf(cfg.dataDir))).toBe(true); // stale: nobody could remove it

    const next = await npmStart();
    expect(next.output()).toContain(`A previous run (pid ${run.lock.pid}`);
    next.npm.kill("SIGTERM");
    await expect
      .poll(() => [next.lock.pid, ...next.recorded].filter(isAlive), { timeout: 20_000 })
      .toEqual([]);
  });
});
