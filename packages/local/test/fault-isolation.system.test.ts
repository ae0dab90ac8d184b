/**
 * Fault isolation: with the restaurants service stopped through the stack's control API, customers still
 * browse (server-rendered pages from the web app's catalog cache) and place orders (orders prices from its
 * own replica); the orders wait in the FulfillmentQueue and, once restaurants is started again, become
 * kitchen tickets: every one, once. Runs its own whole stack (the web app included) beside the API-only
 * one the other system tests share, since stopping a service there would fail them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetQueueAttributesCommand, GetQueueUrlCommand } from "@aws-sdk/client-sqs";
import { loginWithPassword, registerCustomer } from "@tiffin/auth/testing";
import { createSqsClient } from "@tiffin/aws";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { localConfig, repoRoot } from "../src/config";
import { controlFileOf, readControlFile, type ServiceStatus } from "../src/control";
import { callProcedure } from "./trpc-http";

const N = 10;
const RESTAURANT = "bombay-tiffin-house";
const PASSWORD = "a-long-enough-passphrase-42";
/** Short, so the test sees a refresh of the web app's cache fail while restaurants is down. */
const REVALIDATE_SECONDS = 2;

const cfg = localConfig({
  PORT: String(inject("stackPort") + 100),
  TIFFIN_DATA_DIR: mkdtempSync(join(tmpdir(), "tiffin-fault-isolation-")),
});
const base = `http://127.0.0.1:${cfg.port}`;
const issuer = `http://127.0.0.1:${cfg.issuerPort}`;
const redirectUri = `${base}/auth/callback`;

let stack: ChildProcess | undefined;
let output = "";

/** `npm start` as a person runs it (web app included), on its own port and fresh data. */
beforeAll(async () => {
  stack = spawn("npm", ["start"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(cfg.port),
      TIFFIN_DATA_DIR: cfg.dataDir,
      TIFFIN_CATALOG_REVALIDATE_SECONDS: String(REVALIDATE_SECONDS),
      LOG_LEVEL: "WARN",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const started = stack;
  await new Promise<void>((resolve, reject) => {
    // The first start may build the web app (`next build`).
    const timer = setTimeout(() => reject(new Error(`not ready in 6 min:\n${output.slice(-4000)}`)), 360_000);
    started.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
      if (output.includes("Tiffin is ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    started.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    started.once("exit", (code) => reject(new Error(`npm start exited (${code}):\n${output.slice(-4000)}`)));
  });
}, 400_000);

afterAll(async () => {
  if (stack && stack.exitCode === null) {
    const exited = new Promise((r) => stack?.once("exit", r));
    stack.kill("SIGTERM");
    await exited;
  }
  rmSync(cfg.dataDir, { recursive: true, force: true });
}, 60_000);

const control = async (method: "GET" | "POST", path: string) => {
  const file = readControlFile(cfg.dataDir);
  if (!file) throw new Error("no control.json");
  const res = await fetch(`${file.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${file.token}` },
  });
  return { status: res.status, body: (await res.json()) as { service: ServiceStatus; changed: boolean } };
};

const page = async (path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, html: await res.text() };
};

/** The home page as a crawler sees it: every restaurant linked in the HTML, no script needed. */
const expectHomeServesRestaurants = async () => {
  const home = await page("/");
  expect(home.status).toBe(200);
  for (const slug of ["bombay-tiffin-house", "nonna-rosa"]) expect(home.html).toContain(`href="/r/${slug}"`);
  expect(home.html).toContain("Bombay Tiffin House");
  expect(home.html).not.toContain("temporarily unavailable");
};

const order = (n: number) => ({
  idempotencyKey: randomUUID(),
  restaurantId: RESTAURANT,
  lines: [{ itemId: "butter-chicken", quantity: 1 }],
  customer: { name: `Outage Customer ${n}`, phone: "+1 415 555 0150" },
  delivery: { address: "1 Outage Ln, San Francisco", notes: "" },
  payment: { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" },
});

const fulfillmentBacklog = async () => {
  const sqs = createSqsClient({ endpoint: `http://127.0.0.1:${cfg.fauxqsPort}` });
  const { QueueUrl } = await sqs.send(
    new GetQueueUrlCommand({ QueueName: `${cfg.prefix}-FulfillmentQueue` }),
  );
  const out = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return (
    Number(out.Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
};

/** Every ticket of the restaurant, page by page, as its owner reads them. */
const allTickets = async (token: string): Promise<{ orderId: string }[]> => {
  const tickets: { orderId: string }[] = [];
  let cursor: string | null = null;
  do {
    const res = await callProcedure({
      apiBase: base,
      path: "restaurants.tickets",
      kind: "query",
      input: { restaurantId: RESTAURANT, limit: 100, ...(cursor ? { cursor } : {}) },
      token,
    });
    if (res.status !== 200) throw new Error(`tickets answered ${res.status}: ${res.message}`);
    const page = (
      res.body as {
        result: { data: { json: { tickets: { orderId: string }[]; nextCursor: string | null } } };
      }
    ).result.data.json;
    tickets.push(...page.tickets);
    cursor = page.nextCursor;
  } while (cursor);
  return tickets;
};

describe("with the restaurants service stopped", () => {
  it("customers browse and order; after it is started, every order is a ticket exactly once", async () => {
    // The control API is the stack's own, on 127.0.0.1, its token readable by its owner only.
    expect(readControlFile(cfg.dataDir)?.url).toBe(`http://127.0.0.1:${cfg.controlPort}`);
    expect(statSync(controlFileOf(cfg.dataDir)).mode & 0o777).toBe(0o600);

    // Before the outage: the pages are server-rendered (and so cached); an unknown slug is a real 404.
    await expectHomeServesRestaurants();
    const menu = await page(`/r/${RESTAURANT}`);
    expect(menu.status).toBe(200);
    expect(menu.html).toContain("Butter Chicken");
    expect((await page("/r/no-such-restaurant")).status).toBe(404);

    // Sessions come from the auth service, which stays up: two new customers (the per-customer limit on
    // orders.place is 10 in 10 minutes) and the restaurant's owner.
    const customers = await Promise.all(
      [1, 2].map(
        async (n) =>
          (
            await registerCustomer({
              issuer,
              email: `outage-${n}-${randomUUID().slice(0, 8)}@example.com`,
              password: PASSWORD,
              redirectUri,
            })
          ).access,
      ),
    );
    const owner = (
      await loginWithPassword({
        issuer,
        email: "owner@bombay.tiffin.test",
        password: "tiffin-demo-pass",
        redirectUri,
      })
    ).access;
    const before = new Set((await allTickets(owner)).map((t) => t.orderId));

    const stopped = await control("POST", "/services/restaurants/stop");
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({
      changed: true,
      service: { name: "restaurants", state: "stopped", pid: null },
    });
    const down = await callProcedure({ apiBase: base, path: "restaurants.list", kind: "query" });
    expect(down.status).toBe(503);

    // Orders are placed through the HTTP API while restaurants is down.
    const placed: string[] = [];
    for (let n = 0; n < N; n++) {
      const res = await callProcedure({
        apiBase: base,
        path: "orders.place",
        kind: "mutation",
        input: order(n),
        token: customers[n % customers.length],
      });
      expect(res.status, res.message).toBe(200);
      placed.push((res.body as { result: { data: { json: { id: string } } } }).result.data.json.id);
    }
    expect(new Set(placed).size).toBe(N);
    // They wait in the fulfillment queue: nobody consumes it while restaurants is stopped.
    await expect.poll(fulfillmentBacklog, { timeout: 30_000 }).toBe(N);

    // The home page keeps serving its restaurants, also after its cached copy is due for a refresh (which
    // fails); the menu visited before is served too; a menu never visited says it is unavailable.
    await expectHomeServesRestaurants();
    await new Promise((r) => setTimeout(r, (REVALIDATE_SECONDS + 1) * 1000)); // the cache entry is stale now
    await expectHomeServesRestaurants();
    await expectHomeServesRestaurants();
    const cachedMenu = await page(`/r/${RESTAURANT}`);
    expect(cachedMenu.status).toBe(200);
    expect(cachedMenu.html).toContain("Butter Chicken");
    const cold = await page("/r/nonna-rosa");
    expect(cold.status).toBe(200);
    expect(cold.html).toContain("This menu is temporarily unavailable");
    // Still stopped: the supervisor did not bring it back behind the operator's back.
    expect((await control("GET", "/services/restaurants")).body).toMatchObject({ state: "stopped" });

    const started = await control("POST", "/services/restaurants/start");
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ changed: true, service: { name: "restaurants", state: "running" } });

    // Every order waited and arrives; the queue drains; then nothing arrives twice.
    const arrived = async () => {
      const mine = (await allTickets(owner)).filter((t) => !before.has(t.orderId));
      return placed.filter((id) => mine.some((t) => t.orderId === id)).length;
    };
    await expect.poll(arrived, { timeout: 60_000, interval: 500 }).toBe(N);
    await expect.poll(fulfillmentBacklog, { timeout: 30_000 }).toBe(0);
    const tickets = (await allTickets(owner)).filter((t) => !before.has(t.orderId));
    const perOrder = new Map<string, number>();
    for (const t of tickets) perOrder.set(t.orderId, (perOrder.get(t.orderId) ?? 0) + 1);
    const lost = placed.filter((id) => !perOrder.has(id)).length;
    const duplicated = [...perOrder.values()].reduce((sum, count) => sum + count - 1, 0);
    const strangers = tickets.filter((t) => !placed.includes(t.orderId)).length;
    console.log(
      `fault isolation: ${N} orders placed while restaurants was stopped; ${perOrder.size} tickets after it was started; lost ${lost}, duplicated ${duplicated}`,
    );
    expect({ tickets: perOrder.size, lost, duplicated, strangers }).toEqual({
      tickets: N,
      lost: 0,
      duplicated: 0,
      strangers: 0,
    });
    await expectHomeServesRestaurants();
  }, 240_000);
});
