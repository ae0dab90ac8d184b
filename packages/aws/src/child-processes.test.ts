import type { ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { type Supervised, supervise } from "./child-processes";

const exited = (c: ChildProcess | undefined) =>
  c !== undefined && (c.exitCode !== null || c.signalCode !== null);

/** A real Node child that says when it is up, and a supervisor that restarts it quickly. */
const superviseChild = async () => {
  const lines: string[] = [];
  const spawned: ChildProcess[] = [];
  const supervised = await supervise({
    name: "the test child",
    command: process.execPath,
    args: ["-e", 'console.log("up " + process.pid); setInterval(() => {}, 1000);'],
    sink: (line) => lines.push(line),
    onSpawn: (child) => spawned.push(child),
    ready: async (child) => {
      const deadline = Date.now() + 10_000;
      while (!lines.includes(`up ${child.pid}`)) {
        if (exited(child) || Date.now() > deadline) throw new Error("the test child did not come up");
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    restartDelayMs: 50,
  });
  return { supervised, spawned, lines };
};

const running: Supervised[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

describe("supervise", () => {
  it("restarts a child that dies on its own", async () => {
    const { supervised, spawned } = await superviseChild();
    running.push(supervised);
    spawned[0]?.kill("SIGKILL");
    await expect.poll(() => supervised.state(), { timeout: 10_000 }).toBe("running");
    await expect.poll(() => spawned.length, { timeout: 10_000 }).toBe(2);
    expect(supervised.restarts()).toBe(1);
  });

  it("keeps a paused child stopped until it is resumed, then runs a new instance", async () => {
    const { supervised, spawned } = await superviseChild();
    running.push(supervised);
    const first = supervised.current();
    expect(supervised.state()).toBe("running");

    await supervised.pause();
    expect(exited(first)).toBe(true);
    expect(supervised.state()).toBe("paused");
    // Far past the restart delay: nothing was started in its place.
    await new Promise((r) => setTimeout(r, 400));
    expect(spawned).toHaveLength(1);
    expect(supervised.state()).toBe("paused");

    await supervised.resume();
    expect(supervised.state()).toBe("running");
    expect(spawned).toHaveLength(2);
    expect(supervised.current()?.pid).not.toBe(first?.pid);
    expect(exited(supervised.current())).toBe(false);
    // A stop and start on request is not a crash.
    expect(supervised.restarts()).toBe(0);
  });

  it("treats a second pause or resume as done already", async () => {
    const { supervised, spawned } = await superviseChild();
    running.push(supervised);
    await Promise.all([supervised.pause(), supervised.pause()]);
    expect(supervised.state()).toBe("paused");
    await Promise.all([supervised.resume(), supervised.resume()]);
    expect(supervised.state()).toBe("running");
    expect(spawned).toHaveLength(2);
  });

  it("stops for good from paused", async () => {
    const { supervised, spawned } = await superviseChild();
    await supervised.pause();
    await supervised.stop();
    await supervised.resume(); // after stop(): nothing starts again
    expect(spawned).toHaveLength(1);
  });
});
