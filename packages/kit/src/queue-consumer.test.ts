import net from "node:net";
import {
  DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
} from "@aws-sdk/client-dynamodb";
import { backoffSeconds, outageToleranceSeconds, queues } from "@tiffin/aws/topology";
import { describe, expect, it } from "vitest";
import { DomainError } from "./domain-error";
import { classifyFailure } from "./queue-consumer";

/** A port nothing listens on: bound, then closed. */
const deadPort = async () => {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const address = srv.address();
  await new Promise<void>((r) => srv.close(() => r()));
  return typeof address === "object" && address ? address.port : 1;
};

/** The error the real SDK throws when DynamoDB cannot be reached. */
const unreachableDynamoError = async () => {
  const db = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${await deadPort()}`,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  try {
    await db.send(new GetItemCommand({ TableName: "t", Key: { pk: { S: "x" } } }));
  } catch (error) {
    return error;
  }
  throw new Error("DynamoDB answered on a dead port");
};

describe("classifyFailure", () => {
  it("calls an unreachable DynamoDB transient (the real SDK error)", async () => {
    expect(classifyFailure(await unreachableDynamoError())).toMatchObject({
      kind: "transient",
      known: true,
      reason: expect.stringContaining("ECONNREFUSED"),
    });
  });

  it("calls throttling transient", () => {
    const throttled = new ProvisionedThroughputExceededException({ message: "slow down", $metadata: {} });
    expect(classifyFailure(throttled)).toMatchObject({ kind: "transient", reason: "throttled", known: true });
  });

  it("calls a 5xx, a timeout and an error the SDK marks retryable transient", () => {
    const status = Object.assign(new Error("boom"), { name: "Weird", $metadata: { httpStatusCode: 503 } });
    const timeout = Object.assign(new Error("took too long"), { name: "TimeoutError" });
    const retryable = Object.assign(new Error("try again"), { name: "Odd", $retryable: {} });
    for (const e of [status, timeout, retryable]) {
      expect(classifyFailure(e)).toMatchObject({ kind: "transient", known: true });
    }
  });

  it("finds a network code wrapped in a cause or an AggregateError", () => {
    const refused = Object.assign(new Error("connect failed"), { code: "ECONNRESET" });
    expect(classifyFailure(new Error("outer", { cause: refused }))).toMatchObject({
      kind: "transient",
      known: true,
    });
    expect(classifyFailure(new AggregateError([refused]))).toMatchObject({ kind: "transient", known: true });
  });

  it("retries an unknown error too (the redrive policy bounds it), flagged as unknown", () => {
    expect(classifyFailure(new TypeError("x is undefined"))).toEqual({
      kind: "transient",
      known: false,
      reason: "unknown error: x is undefined",
    });
  });

  it("calls a message the domain refuses as invalid poison, but not a missing or conflicting one", () => {
    expect(classifyFailure(new DomainError("invalid", "quantity must be positive"))).toEqual({
      kind: "poison",
      reason: "refused by the domain: quantity must be positive",
    });
    expect(classifyFailure(new DomainError("not_found", "no such restaurant")).kind).toBe("transient");
    expect(classifyFailure(new DomainError("conflict", "changed meanwhile")).kind).toBe("transient");
  });
});

describe("retry timings in the topology", () => {
  it("backs off exponentially from the first backoff up to the cap", () => {
    const retry = { firstBackoffSeconds: 10, maxBackoffSeconds: 900 };
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => backoffSeconds(retry, n))).toEqual([
      10, 20, 40, 80, 640, 900, 900,
    ]);
  });

  it.each(Object.keys(queues))("%s rides out an outage of at least 30 minutes", (name) => {
    const def = queues[name as keyof typeof queues];
    expect(outageToleranceSeconds(def)).toBeGreaterThan(30 * 60);
    // Within SQS's limit for one ChangeMessageVisibility (12 hours).
    expect(def.retry.maxBackoffSeconds).toBeLessThanOrEqual(12 * 60 * 60);
  });
});
