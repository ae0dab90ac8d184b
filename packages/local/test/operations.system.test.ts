/** What an operator meets on the running stack: its lock on the data, and the dead-letter tool. */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { GetQueueUrlCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { createSqsClient } from "@tiffin/aws";
import { describe, expect, inject, it } from "vitest";
import { localConfig, repoRoot } from "../src/config";

const port = inject("stackPort");
const dataDir = inject("stackDataDir");
const cfg = localConfig({ PORT: String(port) });

/** Runs one of the local CLIs the way `npm start` / `npm run dlq` do; resolves with its output. */
const cli = (script: string, args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(repoRoot, "packages/local/src", script), ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, LOG_LEVEL: "WARN", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });

describe("the running stack", () => {
  it("refuses a second start on the same data, saying which process has it", async () => {
    const second = await cli("cli.ts", ["start", "--api-only"], {
      TIFFIN_DATA_DIR: dataDir,
      PORT: String(port + 50),
    });
    expect(second.code).toBe(1);
    expect(second.output).toMatch(
      /Could not start: Tiffin is already running on this data .*: pid \d+, PORT \d+/,
    );
  });

  it("dead-letters a poison order on its first receive, and `npm run dlq -- peek` says why", async () => {
    const sqs = createSqsClient({ endpoint: `http://127.0.0.1:${cfg.fauxqsPort}` });
    const url = async (name: string) =>
      (await sqs.send(new GetQueueUrlCommand({ QueueName: `${cfg.prefix}-${name}` }))).QueueUrl;
    const marker = `poison-${randomUUID()}`;
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: await url("FulfillmentQueue"),
        MessageBody: JSON.stringify({ type: "order.placed", version: 1, orderId: marker }),
      }),
    );

    await expect
      .poll(async () => (await cli("dlq.ts", ["peek", "FulfillmentQueue"], { PORT: String(port) })).output, {
        timeout: 30_000,
        interval: 1_000,
      })
      .toMatch(
        new RegExp(
          `why: dead-lettered by its consumer on receive 1 of ${cfg.prefix}-FulfillmentQueue: message does not match its contract: [^\\n]+\\n[^\\n]*${marker}`,
        ),
      );
  });
});
