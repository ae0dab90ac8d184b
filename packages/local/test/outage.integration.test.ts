import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { createDocumentClient } from "@tiffin/aws";
import { peekDeadLetters } from "@tiffin/aws/dead-letters";
import { emulatorClients, freshQueue } from "@tiffin/aws/testing";
import { queues } from "@tiffin/aws/topology";
import { OrderPlacedV1 } from "@tiffin/contracts";
import { createQueueConsumer } from "@tiffin/kit/lambda";
import { afterEach, describe, expect, it } from "vitest";
import { startQueuePoller } from "../src/queue-poller";
import { switchableRelay } from "./faults";
import { depth, orderFor, restaurantsOver } from "./fulfillment-harness";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * The FulfillmentQueue as the topology defines it (receives before the DLQ, backoff doubling to a cap),
 * with every time shortened so that an outage of many receive cycles takes seconds.
 */
const shortenedFulfillmentQueue = async () => {
  const def = queues.FulfillmentQueue;
  const { queue, dlq } = await freshQueue({
    visibilityTimeoutSeconds: 10,
    maxReceiveCount: def.maxReceiveCount,
  });
  return { queue, dlq, retry: { firstBackoffSeconds: 1, maxBackoffSeconds: 2 } };
};

/** The fulfillment consumer's record handling (restaurants' receiveOrder) on the kit's consumer, counted. */
const fulfillment = async (
  dbUrl: string | undefined,
  queue: Awaited<ReturnType<typeof shortenedFulfillmentQueue>>,
) => {
  const { sqs } = emulatorClients();
  const db = dbUrl ? createDocumentClient({ endpoint: dbUrl }) : emulatorClients().db;
  const restaurants = await restaurantsOver(db);
  const outcomes: { orderId: string; receiveCount: number; outcome: string }[] = [];
  const handler = createQueueConsumer({
    service: "restaurants",
    schema: OrderPlacedV1,
    queue: { url: queue.queue.url, deadLetterUrl: queue.dlq.url, retry: queue.retry },
    sqs,
    handle: async (event, ctx) => {
      try {
        const outcome = await restaurants.svc.receiveOrder(event);
        outcomes.push({ orderId: event.orderId, receiveCount: ctx.receiveCount, outcome });
      } catch (error) {
        outcomes.push({ orderId: event.orderId, receiveCount: ctx.receiveCount, outcome: "failed" });
        throw error;
      }
    },
  });
  const poller = startQueuePoller({
    sqs,
    queueUrl: queue.queue.url,
    queueArn: queue.queue.arn,
    region: "us-east-1",
    functionName: "restaurants-fulfillment",
    handler,
    batchSize: 10,
    timeoutMs: 10_000,
    waitTimeSeconds: 1,
  });
  cleanups.push(poller.stop);
  const send = (body: string) =>
    sqs.send(new SendMessageCommand({ QueueUrl: queue.queue.url, MessageBody: body }));
  return { ...restaurants, outcomes, send, sqs };
};

describe("a dependency outage longer than five receive cycles", () => {
  it("dead-letters nothing and processes every order exactly once when the table comes back", async () => {
    const { dynamoEndpoint } = emulatorClients();
    const target = new URL(dynamoEndpoint);
    const relay = await switchableRelay({ host: target.hostname, port: Number(target.port) });
    cleanups.push(() => relay.close());
    const queue = await shortenedFulfillmentQueue();
    const f = await fulfillment(relay.url, queue);

    await relay.down();
    const ids = ["aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002"];
    for (const id of ids) await f.send(JSON.stringify(orderFor(id)));

    // Down until every order has failed more than five receives (the old maxReceiveCount)…
    const failedReceives = (id: string) =>
      f.outcomes.filter((o) => o.orderId === id && o.outcome === "failed").length;
    await expect
      .poll(() => Math.min(...ids.map(failedReceives)), { timeout: 60_000, interval: 250 })
      .toBeGreaterThan(5);
    expect(await depth(queue.dlq.url)).toBe(0);
    // …then back.
    await relay.up();

    await expect.poll(() => f.ticketOrderIds(), { timeout: 30_000 }).toEqual([...ids].sort());
    await expect.poll(() => depth(queue.queue.url), { timeout: 15_000 }).toBe(0);
    expect(await depth(queue.dlq.url)).toBe(0);
    // Exactly once: one successful receive per order, and no duplicate.
    for (const id of ids) {
      expect(f.outcomes.filter((o) => o.orderId === id && o.outcome !== "failed")).toEqual([
        { orderId: id, receiveCount: expect.any(Number), outcome: "created" },
      ]);
    }
  }, 120_000);

  it("sends a poison message to the DLQ on its first receive, with its reason, while good ones go through", async () => {
    const queue = await shortenedFulfillmentQueue();
    const f = await fulfillment(undefined, queue);
    const good = orderFor("bbbbbbbb-0000-4000-8000-000000000001");
    await f.send(JSON.stringify({ ...orderFor("bbbbbbbb-0000-4000-8000-000000000002"), lines: [] }));
    await f.send(JSON.stringify(good));

    await expect.poll(() => depth(queue.dlq.url), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => f.ticketOrderIds(), { timeout: 15_000 }).toEqual([good.orderId]);
    await expect.poll(() => depth(queue.queue.url), { timeout: 15_000 }).toBe(0);
    const [dead] = await peekDeadLetters(f.sqs, queue.dlq.url);
    expect(dead?.MessageAttributes?.DeadLetterReceiveCount?.StringValue).toBe("1");
    expect(dead?.MessageAttributes?.DeadLetterReason?.StringValue).toMatch(
      /does not match its contract: lines/,
    );
  });
});
