import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GetQueueAttributesCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { createSqsClient } from "@tiffin/aws";
import { peekDeadLetters, redriveDeadLetters } from "@tiffin/aws/dead-letters";
import { emulatorClients, freshQueue, freshTable } from "@tiffin/aws/testing";
import { OrderPlacedV1 } from "@tiffin/contracts";
import { createFulfillmentConsumer } from "@tiffin/restaurants/consumers";
import { createRestaurantsService } from "@tiffin/restaurants/domain";
import { dynamoCatalogOutbox, dynamoRestaurants, dynamoTickets } from "@tiffin/restaurants/storage";
import { afterEach, describe, expect, it } from "vitest";
import { startQueuePoller } from "../src/queue-poller";
import { sqsFaultProxy } from "./faults";

const staffOf = (id: string) => ({ restaurants: [{ id, role: "staff" as const }] });

const fixture = OrderPlacedV1.parse(
  JSON.parse(
    readFileSync(join(import.meta.dirname, "../../contracts/fixtures/order.placed.v1.json"), "utf8"),
  ),
);
const orderFor = (orderId: string) => ({ ...fixture, orderId, eventId: `order.placed:${orderId}` });

const depth = async (url: string) => {
  const { sqs } = emulatorClients();
  const out = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return (
    Number(out.Attributes?.ApproximateNumberOfMessages) +
    Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible)
  );
};

/** The real fulfillment consumer over DynamoDB Local, fed by the local poller from a fauxqs queue. */
const setup = async () => {
  const { db, sqs } = emulatorClients();
  const table = await freshTable("RestaurantsTable");
  const svc = createRestaurantsService({
    restaurants: dynamoRestaurants(db, table),
    tickets: dynamoTickets(db, table),
    publisher: { publish: async () => undefined },
    outbox: dynamoCatalogOutbox(db, table),
    now: () => new Date(),
    log: { info: () => undefined, warn: () => undefined },
  });
  const { demoRestaurants } = await import("@tiffin/restaurants/demo-data");
  const bombay = demoRestaurants.find((r) => r.id === fixture.restaurantId);
  if (!bombay) throw new Error("fixture restaurant missing from demo data");
  await svc.saveRestaurant({ ...bombay, revision: 0 }, "test");
  const { queue, dlq } = await freshQueue({ visibilityTimeoutSeconds: 1, maxReceiveCount: 2 });
  const poller = startQueuePoller({
    sqs,
    queueUrl: queue.url,
    queueArn: queue.arn,
    region: "us-east-1",
    functionName: "restaurants-fulfillment",
    handler: createFulfillmentConsumer(svc),
    batchSize: 10,
    timeoutMs: 10_000,
    waitTimeSeconds: 1,
  });
  const send = (body: string) => sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: body }));
  return { svc, sqs, queue, dlq, poller, send };
};

let stopPoller: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stopPoller?.();
  stopPoller = undefined;
});

describe("local SQS poller with the fulfillment consumer", () => {
  it("turns each OrderPlaced into one ticket, even when delivered twice", async () => {
    const { svc, poller, send, queue } = await setup();
    stopPoller = poller.stop;
    const event = orderFor("11111111-1111-4111-8111-111111111111");
    await send(JSON.stringify(event));
    await send(JSON.stringify(event));
    await expect.poll(() => depth(queue.url), { timeout: 15_000 }).toBe(0);
    const { tickets } = await svc.tickets(event.restaurantId, staffOf(event.restaurantId));
    expect(tickets.filter((t) => t.orderId === event.orderId)).toHaveLength(1);
  });

  it("leaves a poison message to the redrive policy when no dead-letter queue is linked, while the rest of its batch succeeds", async () => {
    const { svc, poller, send, queue, dlq, sqs } = await setup();
    stopPoller = poller.stop;
    const good1 = orderFor("22222222-2222-4222-8222-222222222222");
    const good2 = orderFor("33333333-3333-4333-8333-333333333333");
    await send(JSON.stringify(good1));
    await send(JSON.stringify({ type: "order.placed", version: 1, orderId: "poison" }));
    await send(JSON.stringify(good2));

    await expect
      .poll(
        async () =>
          (await svc.tickets(fixture.restaurantId, staffOf(fixture.restaurantId))).tickets
            .map((t) => t.orderId)
            .sort(),
        {
          timeout: 15_000,
        },
      )
      .toEqual([good1.orderId, good2.orderId].sort());
    await expect.poll(() => depth(dlq.url), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => depth(queue.url), { timeout: 10_000 }).toBe(0);

    const [dead] = await peekDeadLetters(sqs, dlq.url);
    expect(JSON.parse(dead?.Body ?? "{}")).toMatchObject({ orderId: "poison" });
    expect(Number(dead?.Attributes?.ApproximateReceiveCount)).toBeGreaterThanOrEqual(2);
  });

  it("redrives dead letters back to their queue, where a fixed message is processed", async () => {
    const { svc, poller, send, queue, dlq, sqs } = await setup();
    // A message that fails only until the restaurant exists: an operator fixes the cause, then redrives.
    const orphan = { ...orderFor("44444444-4444-4444-8444-444444444444"), restaurantId: "pop-up-kitchen" };
    await send(JSON.stringify(orphan));
    stopPoller = poller.stop;
    await expect.poll(() => depth(dlq.url), { timeout: 20_000 }).toBe(1);
    expect((await svc.tickets(fixture.restaurantId, staffOf(fixture.restaurantId))).tickets).toHaveLength(0);

    const { demoRestaurants } = await import("@tiffin/restaurants/demo-data");
    const template = demoRestaurants[0];
    if (!template) throw new Error("no demo data");
    await svc.saveRestaurant(
      { ...template, id: "pop-up-kitchen", slug: "pop-up-kitchen", revision: 0 },
      "test",
    );

    expect(await redriveDeadLetters(sqs, dlq.url, queue.url)).toBe(1);
    await expect
      .poll(async () => (await svc.tickets("pop-up-kitchen", staffOf("pop-up-kitchen"))).tickets.length, {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await depth(dlq.url)).toBe(0);
  });
});

describe("local SQS poller as Lambda's event source mapping", () => {
  const quietSetup = async (
    handler: Parameters<typeof startQueuePoller>[0]["handler"],
    sqsEndpoint?: string,
  ) => {
    const { sqs } = emulatorClients();
    const { queue } = await freshQueue({ visibilityTimeoutSeconds: 30, maxReceiveCount: 5 });
    const errors: string[] = [];
    const poller = startQueuePoller({
      sqs: sqsEndpoint ? createSqsClient({ endpoint: sqsEndpoint }) : sqs,
      queueUrl: queue.url,
      queueArn: queue.arn,
      region: "us-east-1",
      functionName: "test-consumer",
      handler,
      batchSize: 10,
      timeoutMs: 500,
      waitTimeSeconds: 1,
      deleteRetryMs: 50,
      onError: (message) => errors.push(message),
    });
    stopPoller = poller.stop;
    const send = (body: string) =>
      sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: body }));
    return { queue, errors, send };
  };

  it("counts a batch whose handler runs past its timeout as failed: its message stays for the visibility timeout", async () => {
    const calls: string[] = [];
    let hang = true;
    const { queue, errors, send } = await quietSetup(async (event) => {
      calls.push(event.Records.map((r) => r.attributes.ApproximateReceiveCount).join(","));
      // The first invocation never settles within the 0.5 s timeout.
      if (hang) await new Promise((r) => setTimeout(r, 3_000));
      return { batchItemFailures: [] };
    });
    await send("slow");
    await expect
      .poll(() => errors.some((e) => e.includes("ran past its 0.5s timeout")), { timeout: 10_000 })
      .toBe(true);
    hang = false;
    // Not deleted: still in flight (hidden for the queue's 30 s), not gone.
    expect(await depth(queue.url)).toBe(1);
    expect(calls).toEqual(["1"]);
  });

  it("retries a delete that SQS reports as Failed instead of dropping it", async () => {
    const proxy = await sqsFaultProxy(emulatorClients().awsEndpoint);
    proxy.state.failDeletes = 2;
    const handled: string[] = [];
    const { queue, errors, send } = await quietSetup(async (event) => {
      handled.push(...event.Records.map((r) => r.body));
      return { batchItemFailures: [] };
    }, proxy.url);
    const stop = stopPoller;
    stopPoller = async () => {
      await stop?.();
      await proxy.close();
    };
    await send("once");
    // Deleted for real within seconds; without the retries it would stay in flight for 30 s.
    await expect.poll(() => depth(queue.url), { timeout: 10_000 }).toBe(0);
    expect(proxy.state.failedDeletes).toBe(2);
    expect(handled).toEqual(["once"]);
    expect(errors.filter((e) => e.startsWith("could not delete 1 processed message(s)"))).toHaveLength(2);
  });
});
