import { CreateTopicCommand } from "@aws-sdk/client-sns";
import { DeleteMessageCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { subscribeQueue } from "@tiffin/aws/provision";
import { emulatorClients, freshQueue, freshTable } from "@tiffin/aws/testing";
import { RestaurantCatalogPublishedV2, unwrapMessageBody } from "@tiffin/contracts";
import { describe, expect, it } from "vitest";
import { demoRestaurants } from "../demo/catalog";
import type { CatalogPublisher } from "../domain/ports";
import { createRestaurantsService } from "../domain/restaurants-service";
import { dynamoCatalogOutbox, dynamoRestaurants, dynamoTickets } from "../storage/dynamo";
import { snsCatalogPublisher } from "./catalog-publisher";

const silent = { info: () => undefined, warn: () => undefined };

/** The restaurants service over DynamoDB Local with the given publisher. */
const serviceOver = (table: string, publisher: CatalogPublisher) => {
  const { db } = emulatorClients();
  return createRestaurantsService({
    restaurants: dynamoRestaurants(db, table),
    tickets: dynamoTickets(db, table),
    publisher,
    outbox: dynamoCatalogOutbox(db, table),
    now: () => new Date(),
    log: silent,
  });
};

/** Receives (and deletes) until `count` messages arrived or the queue answers empty twice. */
const receive = async (queueUrl: string, count: number) => {
  const { sqs } = emulatorClients();
  const bodies: unknown[] = [];
  for (let empty = 0; bodies.length < count && empty < 2; ) {
    const out = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    if (!out.Messages?.length) empty++;
    for (const m of out.Messages ?? []) {
      bodies.push(unwrapMessageBody(m.Body ?? ""));
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
    }
  }
  return bodies;
};

describe("catalog outbox (DynamoDB Local + SNS -> SQS on fauxqs)", () => {
  it("publishes a catalog change whose publish failed on the relay's next run, once", async () => {
    const { sns } = emulatorClients();
    const table = await freshTable("RestaurantsTable");
    const topic = await sns.send(new CreateTopicCommand({ Name: `test-events-${Date.now()}` }));
    if (!topic.TopicArn) throw new Error("no topic");
    const inbox = await freshQueue();
    await subscribeQueue(sns, topic.TopicArn, inbox.queue.arn, ["restaurant.catalog-published"]);
    const [demo] = demoRestaurants;
    if (!demo) throw new Error("no demo data");

    // SNS is down while staff change the menu: the change is saved all the same, its snapshot kept.
    const down = serviceOver(table, { publish: async () => Promise.reject(new Error("SNS unavailable")) });
    const saved = await down.saveRestaurant(
      {
        ...demo,
        store: { state: "paused", pausedUntil: null, busyExtraMinutes: 0, message: "" },
        revision: 0,
      },
      "corr-closed",
    );
    expect(saved.revision).toBe(1);
    expect(await receive(inbox.queue.url, 1)).toEqual([]);

    // The relay (schedule, or the next start) publishes it.
    const up = serviceOver(table, snsCatalogPublisher(sns, topic.TopicArn));
    expect(await up.relayOutbox()).toMatchObject({ sent: 1, failed: 0 });
    expect(await up.relayOutbox()).toMatchObject({ sent: 0, oldestPendingAgeSeconds: 0 });

    const delivered = (await receive(inbox.queue.url, 2)).map((b) => RestaurantCatalogPublishedV2.parse(b));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      revision: 1,
      correlationId: "corr-closed",
      restaurant: { id: demo.id, store: { state: "paused" } },
    });
  });

  it("delivers a menu in any script, with emoji, exactly (fauxqs refuses raw astral characters)", async () => {
    const { sns } = emulatorClients();
    const table = await freshTable("RestaurantsTable");
    const topic = await sns.send(new CreateTopicCommand({ Name: `test-events-${Date.now()}` }));
    if (!topic.TopicArn) throw new Error("no topic");
    const inbox = await freshQueue();
    await subscribeQueue(sns, topic.TopicArn, inbox.queue.arn, ["restaurant.catalog-published"]);
    const [demo] = demoRestaurants;
    if (!demo) throw new Error("no demo data");
    const [category] = demo.menu;
    const [item] = category?.items ?? [];
    if (!category || !item) throw new Error("no demo menu");
    const name = "मसाला डोसा 🌶️ · فلافل · Cre\u0300me";
    const svc = serviceOver(table, snsCatalogPublisher(sns, topic.TopicArn));

    await svc.saveRestaurant(
      { ...demo, menu: [{ ...category, items: [{ ...item, name }] }], revision: 0 },
      "corr-menu",
    );

    const [event] = (await receive(inbox.queue.url, 1)).map((b) => RestaurantCatalogPublishedV2.parse(b));
    expect(event?.items[0]?.name).toBe(name);
    expect(await svc.relayOutbox()).toMatchObject({ sent: 0, failed: 0, oldestPendingAgeSeconds: 0 });
  });
});
