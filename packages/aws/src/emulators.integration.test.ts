import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
} from "@aws-sdk/client-dynamodb";
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createSqsClient } from "./clients";
import { loopbackConfinement, type RunningEmulator, startDynamoLocal, startFauxqs } from "./emulators";
import { freePort, isAlive, listeningAddresses, pidsRunning } from "./testing/processes";

const dynamoAt = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });

/** Whether anything accepts a TCP connection at host:port. */
const answers = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "tiffin-emulator-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const track = (e: RunningEmulator) => {
  cleanups.push(e.stop);
  return e;
};

describe("DynamoDB Local is confined to loopback", () => {
  it("runs in a network namespace of its own on this machine", () => {
    expect(loopbackConfinement()).toEqual({ confined: true });
  });

  it("listens on 127.0.0.1 only, and its tables still work there", async () => {
    const endpoint = new URL(inject("dynamoEndpoint"));
    const port = Number(endpoint.port);
    await expect(dynamoAt(endpoint.origin).send(new ListTablesCommand({}))).resolves.toBeDefined();

    // What listens on the port, read from the kernel's socket table rather than probed over the network:
    // this machine's other interfaces are not ours to send traffic to. A JVM bound to every interface
    // shows up here as 0.0.0.0 or ::.
    expect(listeningAddresses(port)).toEqual(["127.0.0.1"]);
    const own = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a?.address);
    for (const address of own) expect(listeningAddresses(port)).not.toContain(address);
    // Another loopback address is a different interface address on the same machine: a wildcard bind
    // would answer there, a 127.0.0.1 bind does not.
    expect(await answers("127.0.0.2", port)).toBe(false);
    expect(await answers("127.0.0.1", port)).toBe(true);
  });

  it("allows CORS for the web origin it is given, not for every origin", async () => {
    const port = await freePort();
    track(await startDynamoLocal({ port, corsOrigins: ["http://127.0.0.1:3000"] }));
    const preflight = (origin: string) =>
      fetch(`http://127.0.0.1:${port}/`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      });
    const allowed = await preflight("http://127.0.0.1:3000");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
    const other = await preflight("http://evil.example");
    expect(other.headers.get("access-control-allow-origin")).not.toBe("*");
    expect(other.headers.get("access-control-allow-origin")).not.toBe("http://evil.example");
  });
});

describe("emulators are supervised", () => {
  it("restarts DynamoDB Local after kill -9, with its data, and says so", async () => {
    const port = await freePort();
    const lines: string[] = [];
    const dynamo = track(await startDynamoLocal({ port, dataDir: tempDir(), onLine: (l) => lines.push(l) }));
    const db = dynamoAt(dynamo.endpoint);
    await db.send(
      new CreateTableCommand({
        TableName: "kept",
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      }),
    );
    await db.send(new PutItemCommand({ TableName: "kept", Item: { pk: { S: "a" }, v: { S: "before" } } }));
    const [jvm] = pidsRunning("DynamoDBLocal.jar", String(port));
    expect(jvm).toBeDefined();

    process.kill(jvm ?? 0, "SIGKILL");
    await expect
      .poll(() => lines.some((l) => l.includes("DynamoDB Local exited on its own")), { timeout: 10_000 })
      .toBe(true);
    await expect
      .poll(
        async () =>
          (
            await db
              .send(new GetItemCommand({ TableName: "kept", Key: { pk: { S: "a" } } }))
              .catch(() => undefined)
          )?.Item?.v?.S,
        { timeout: 30_000, interval: 250 },
      )
      .toBe("before");
    expect(lines.some((l) => l.includes("DynamoDB Local is back (restart 1)"))).toBe(true);
    expect(pidsRunning("DynamoDBLocal.jar", String(port))).not.toContain(jvm);
  }, 60_000);

  it("restarts fauxqs after kill -9, with its queues", async () => {
    const port = await freePort();
    const lines: string[] = [];
    const fauxqs = track(await startFauxqs({ port, dataDir: tempDir(), onLine: (l) => lines.push(l) }));
    const sqs = createSqsClient({ endpoint: fauxqs.endpoint });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: "kept" }));
    const [pid] = fauxqs.pids();

    process.kill(pid ?? 0, "SIGKILL");
    await expect
      .poll(() => lines.some((l) => l.includes("fauxqs is back (restart 1)")), { timeout: 20_000 })
      .toBe(true);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "after the crash" }));
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    expect(out.Messages?.map((m) => m.Body)).toEqual(["after the crash"]);
    expect(fauxqs.pids()).not.toContain(pid);
  }, 60_000);

  it("leaves no emulator running when the process that started them is killed with -9", async () => {
    const [dynamoPort, fauxqsPort] = [await freePort(), await freePort()];
    const parent = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        join(import.meta.dirname, "testing", "emulator-parent.ts"),
        String(dynamoPort),
        String(fauxqsPort),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    cleanups.push(() => parent.kill("SIGKILL"));
    const started = await new Promise<string>((resolve, reject) => {
      parent.stdout?.once("data", (d: Buffer) => resolve(d.toString()));
      parent.once("exit", (code) => reject(new Error(`parent exited (${code})`)));
    });
    const pids = JSON.parse(started) as { dynamo: number[]; fauxqs: number[] };
    const jvms = pidsRunning("DynamoDBLocal.jar", String(dynamoPort));
    const all = [...pids.dynamo, ...pids.fauxqs, ...jvms];
    expect(jvms).toHaveLength(1);
    expect(all.every(isAlive)).toBe(true);

    parent.kill("SIGKILL");
    await expect.poll(() => all.filter(isAlive), { timeout: 15_000 }).toEqual([]);
    expect(await answers("127.0.0.1", dynamoPort)).toBe(false);
    expect(await answers("127.0.0.1", fauxqsPort)).toBe(false);
  }, 60_000);
});
