/**
 * The stack's control API and the `npm run service` CLI over it, against real supervised child processes
 * (tiny Node programs standing in for services) and a real control server on 127.0.0.1.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Supervised, supervise } from "@tiffin/aws/child-processes";
import { freePort } from "@tiffin/aws/testing/processes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlFileOf, readControlFile, type ServiceStatus, startControlServer } from "../src/control";
import { runServiceCli } from "../src/service-cli";

const exited = (c: ChildProcess | undefined) =>
  c === undefined || c.exitCode !== null || c.signalCode !== null;

const fakeService = async (name: string) => {
  const lines: string[] = [];
  return supervise({
    name: `the ${name} service`,
    command: process.execPath,
    args: ["-e", 'console.log("up " + process.pid); setInterval(() => {}, 1000);'],
    sink: (line) => lines.push(line),
    ready: async (child) => {
      const deadline = Date.now() + 10_000;
      while (!lines.includes(`up ${child.pid}`)) {
        if (exited(child) || Date.now() > deadline) throw new Error(`${name} did not come up`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    restartDelayMs: 50,
  });
};

const dataDir = mkdtempSync(join(tmpdir(), "tiffin-control-"));
let services: Record<string, Supervised>;
let control: Awaited<ReturnType<typeof startControlServer>>;
let token: string;

beforeAll(async () => {
  services = { restaurants: await fakeService("restaurants"), orders: await fakeService("orders") };
  control = await startControlServer({ port: await freePort(), dataDir, services });
  token = readControlFile(dataDir)?.token ?? "";
});
afterAll(async () => {
  await control.stop();
  for (const s of Object.values(services)) await s.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const api = async (method: string, path: string, auth: string | null = `Bearer ${token}`) => {
  const res = await fetch(`${control.url}${path}`, {
    method,
    headers: auth === null ? {} : { authorization: auth },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const messageOf = (body: Record<string, unknown>) => (body.error as { message: string }).message;

describe("control.json", () => {
  it("gives the API's address and a random token, readable by its owner only", () => {
    const file = readControlFile(dataDir);
    expect(file?.url).toBe(control.url);
    expect(file?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(file?.token).toMatch(/^[\w-]{40,}$/);
    expect(file?.pid).toBe(process.pid);
    expect(statSync(controlFileOf(dataDir)).mode & 0o777).toBe(0o600);
  });
});

describe("the control API", () => {
  it.each([
    ["no token", null],
    ["a wrong token", "Bearer not-the-token"],
    ["the token without Bearer", "token"],
  ])("refuses a request with %s (401), and changes nothing", async (_, auth) => {
    const wrong = auth === "token" ? token : auth;
    const stop = await api("POST", "/services/restaurants/stop", wrong);
    expect(stop.status).toBe(401);
    expect(messageOf(stop.body)).toMatch(/control token/);
    expect((await api("GET", "/services", wrong)).status).toBe(401);
    expect(services.restaurants?.state()).toBe("running");
  });

  it("lists every service with its state and pid", async () => {
    const { status, body } = await api("GET", "/services");
    expect(status).toBe(200);
    expect(body.services).toEqual([
      { name: "restaurants", state: "running", pid: services.restaurants?.current()?.pid, restarts: 0 },
      { name: "orders", state: "running", pid: services.orders?.current()?.pid, restarts: 0 },
    ]);
  });

  it("answers 404 naming the services for one it does not run", async () => {
    for (const path of ["/services/kitchen/stop", "/services/kitchen", "/services/__proto__/stop"]) {
      const method = path.endsWith("/stop") ? "POST" : "GET";
      const { status, body } = await api(method, path);
      expect(status).toBe(404);
      expect(messageOf(body)).toMatch(/^There is no service called ".+"\. Services: restaurants, orders\.$/);
    }
    expect((await api("GET", "/nothing-here")).status).toBe(404);
  });

  it("needs POST to stop or start (405)", async () => {
    const { status, body } = await api("GET", "/services/restaurants/stop");
    expect(status).toBe(405);
    expect(messageOf(body)).toBe("Use POST /services/restaurants/stop.");
    expect(services.restaurants?.state()).toBe("running");
  });

  it("stops one service, which stays stopped while the others run; stop and start are idempotent", async () => {
    const before = services.restaurants?.current();
    const [first, second] = await Promise.all([
      api("POST", "/services/restaurants/stop"),
      api("POST", "/services/restaurants/stop"),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    // Exactly one of the two requests stopped it.
    expect([first.body.changed, second.body.changed].sort()).toEqual([false, true]);
    expect(first.body.service).toEqual({ name: "restaurants", state: "stopped", pid: null, restarts: 0 });
    expect(exited(before)).toBe(true);
    await new Promise((r) => setTimeout(r, 300)); // far past the supervisor's restart delay
    expect(services.restaurants?.state()).toBe("paused");
    expect(services.orders?.state()).toBe("running");

    const started = await api("POST", "/services/restaurants/start");
    expect(started.status).toBe(200);
    expect(started.body.changed).toBe(true);
    const service = started.body.service as ServiceStatus;
    expect(service.state).toBe("running");
    expect(service.pid).toBe(services.restaurants?.current()?.pid);
    expect(service.pid).not.toBe(before?.pid);
    const again = await api("POST", "/services/restaurants/start");
    expect(again.body).toEqual({ service, changed: false });
  });
});

describe("npm run service", () => {
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runServiceCli(args, {
      env: { TIFFIN_DATA_DIR: dataDir },
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  it("stops and starts a service and says what that means", async () => {
    expect(await run("stop", "orders")).toEqual({
      code: 0,
      out: "Stopped the orders service; the others keep running. What is sent to it waits in its queues until `npm run service -- start orders`.",
      err: "",
    });
    expect((await run("stop", "orders")).out).toBe("The orders service was already stopped.");
    expect((await run("status")).out).toMatch(
      /^restaurants\s+running\s+pid \d+\s+0 restarts\norders\s+stopped\s+-\s+0 restarts$/,
    );
    const started = await run("start", "orders");
    expect(started.code).toBe(0);
    expect(started.out).toBe(
      `Started the orders service (pid ${services.orders?.current()?.pid}); it now works through what waited in its queues.`,
    );
    expect((await run("start", "orders")).out).toMatch(
      /^The orders service is already running \(pid \d+\)\.$/,
    );
  });

  it("passes on the API's refusal of an unknown service", async () => {
    expect(await run("stop", "kitchen")).toEqual({
      code: 1,
      out: "",
      err: 'There is no service called "kitchen". Services: restaurants, orders.',
    });
  });

  it("explains its usage", async () => {
    for (const args of [[], ["stop"], ["restart", "orders"], ["status", "extra"]]) {
      expect(await run(...args)).toEqual({
        code: 2,
        out: "",
        err: "usage: npm run service -- status | stop <service> | start <service>",
      });
    }
  });

  it("says when no stack runs on the data directory", async () => {
    const empty = mkdtempSync(join(tmpdir(), "tiffin-control-none-"));
    const err: string[] = [];
    const code = await runServiceCli(["status"], {
      env: { TIFFIN_DATA_DIR: empty },
      out: () => undefined,
      err: (l) => err.push(l),
    });
    rmSync(empty, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(err.join("\n")).toBe(
      `Tiffin is not running on ${empty} (no ${join(empty, "control.json")}). Start it with \`npm start\`, with the same PORT and TIFFIN_DATA_DIR.`,
    );
  });
});
