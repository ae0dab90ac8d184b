/**
 * `npm run bench`: starts the API side of the local stack on its own ports and fresh data, measures the
 * order path through the real router, services, DynamoDB Local and fauxqs, and writes the figures to
 * `.bench/results.json` (and a table on stdout). Medians and percentiles, never single runs: this machine
 * is shared and noisy, so compare figures measured in the same run.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loginWithPassword } from "@tiffin/auth/testing";
import { localConfig, repoRoot } from "./config";
import { startStack } from "./stack";

const N_PLACE = Number(process.env.BENCH_ORDERS ?? 200);
const N_E2E = Number(process.env.BENCH_E2E_ORDERS ?? 30);
const CONCURRENCY = 4;

const cfg = localConfig({
  ...process.env,
  PORT: process.env.BENCH_PORT ?? "3300",
  TIFFIN_DATA_DIR: join(tmpdir(), `tiffin-bench-${process.pid}`),
});
const base = `http://127.0.0.1:${cfg.port}/trpc`;
// The bench places hundreds of orders as one customer at one restaurant: it measures the order path, not
// the abuse limits (which the services read from these variables; see packages/orders).
process.env.TIFFIN_PLACE_LIMIT_PER_CUSTOMER ??= "1000000/600";
process.env.TIFFIN_PLACE_LIMIT_PER_RESTAURANT ??= "1000000/60";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const summary = (ms: number[]) => ({
  n: ms.length,
  p50: +percentile(ms, 50).toFixed(2),
  p95: +percentile(ms, 95).toFixed(2),
  max: +Math.max(...ms).toFixed(2),
});

/** Set once the demo customer has signed in: every call below is made as them. */
let headers: Record<string, string> = {};
const call = async (path: string, body?: unknown) => {
  const started = performance.now();
  const res = body
    ? await fetch(`${base}/${path}`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ json: body }),
      })
    : await fetch(`${base}/${path}`, { headers });
  const json = (await res.json()) as { result?: { data: { json: unknown } } };
  if (!res.ok || !json.result) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return { ms: performance.now() - started, data: json.result.data.json };
};

const order = () => ({
  idempotencyKey: randomUUID(),
  restaurantId: "bombay-tiffin-house",
  lines: [
    { itemId: "butter-chicken", quantity: 1 },
    { itemId: "garlic-naan", quantity: 2 },
  ],
  customer: { name: "Bench Customer", phone: "+1 415 555 0100" },
  delivery: { address: "1 Benchmark Way, San Francisco", notes: "" },
  // The simulated provider's test card that is always authorized.
  payment: { number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" },
});

const ticketsOf = async (restaurantId: string, token: string) => {
  const input = encodeURIComponent(JSON.stringify({ json: { restaurantId } }));
  const res = await fetch(`${base}/restaurants/tickets?input=${input}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const json = (await res.json()) as { result: { data: { json: { tickets: { orderId: string }[] } } } };
  return json.result.data.json.tickets;
};

const main = async () => {
  const stack = await startStack(cfg, { web: false });
  try {
    // Orders are placed as the demo customer; tickets are read as the staff of both restaurants used.
    const login = (email: string) =>
      loginWithPassword({
        issuer: `http://127.0.0.1:${cfg.issuerPort}`,
        email,
        password: "tiffin-demo-pass",
        redirectUri: `http://127.0.0.1:${cfg.port}/auth/callback`,
      });
    const customer = (await login("customer@tiffin.test")).access;
    const nonnaStaff = (await login("marco@nonna.tiffin.test")).access;
    headers = { authorization: `Bearer ${customer}` };
    const listInput = encodeURIComponent(JSON.stringify({ json: {} }));
    for (let i = 0; i < 10; i++) await call(`restaurants/list?input=${listInput}`); // warm-up
    const list: number[] = [];
    for (let i = 0; i < 100; i++) list.push((await call(`restaurants/list?input=${listInput}`)).ms);

    // Place: sequential latency, then throughput with a few clients at once.
    const placeSeq: number[] = [];
    for (let i = 0; i < N_PLACE / 2; i++) placeSeq.push((await call("orders/place", order())).ms);
    const concurrentStarted = performance.now();
    const placeConc: number[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = 0; i < N_PLACE / 2 / CONCURRENCY; i++)
          placeConc.push((await call("orders/place", order())).ms);
      }),
    );
    const throughput = placeConc.length / ((performance.now() - concurrentStarted) / 1000);

    // End to end: place, then poll the dashboard's read until the kitchen ticket shows up.
    const e2e: number[] = [];
    for (let i = 0; i < N_E2E; i++) {
      const started = performance.now();
      const { data } = await call("orders/place", {
        ...order(),
        restaurantId: "nonna-rosa",
        lines: [{ itemId: "margherita", quantity: 1 }],
      });
      const id = (data as { id: string }).id;
      while (!(await ticketsOf("nonna-rosa", nonnaStaff)).some((t) => t.orderId === id))
        await new Promise((r) => setTimeout(r, 5));
      e2e.push(performance.now() - started);
    }

    const results = {
      measuredAt: new Date().toISOString(),
      machine: "local mode: router + one process per service + DynamoDB Local + fauxqs on one host",
      node: process.version,
      restaurantsListMs: summary(list),
      placeOrderSequentialMs: summary(placeSeq),
      placeOrderConcurrentMs: { ...summary(placeConc), clients: CONCURRENCY },
      placeOrdersPerSecond: +throughput.toFixed(1),
      orderToKitchenTicketMs: summary(e2e),
      ratios: {
        placeVsListP50: +(percentile(placeSeq, 50) / percentile(list, 50)).toFixed(2),
        ticketVsPlaceP50: +(percentile(e2e, 50) / percentile(placeSeq, 50)).toFixed(2),
      },
    };
    const dir = join(repoRoot, ".bench");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results, null, 2));
    console.log(`written to ${join(dir, "results.json")}`);
  } finally {
    await stack.stop();
  }
};

await main();
process.exit(0);
