import { CreateTopicCommand } from "@aws-sdk/client-sns";
import { DeleteMessageCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { subscribeQueue } from "@tiffin/aws/provision";
import { emulatorClients, freshQueue } from "@tiffin/aws/testing";
import { RestaurantCatalogPublishedV2, unwrapMessageBody } from "@tiffin/contracts";
import { describe, expect, it } from "vitest";
import { demoRestaurants } from "../demo/catalog";
import { catalogEvent } from "../domain/catalog-event";
import { snsCatalogPublisher } from "./catalog-publisher";

describe("catalog publisher (SNS -> SQS on fauxqs)", () => {
  it("reaches a queue subscribed for its type, raw, and not one subscribed for other types", async () => {
    const { sns, sqs } = emulatorClients();
    const topic = await sns.send(new CreateTopicCommand({ Name: `test-events-${Date.now()}` }));
    if (!topic.TopicArn) throw new Error("no topic");
    const wanted = await freshQueue();
    const other = await freshQueue();
    await subscribeQueue(sns, topic.TopicArn, wanted.queue.arn, ["restaurant.catalog-published"]);
    await subscribeQueue(sns, topic.TopicArn, other.queue.arn, ["order.cancelled"]);
    // Subscribing twice must not deliver twice.
    await subscribeQueue(sns, topic.TopicArn, wanted.queue.arn, ["restaurant.catalog-published"]);

    const [restaurant] = demoRestaurants;
    if (!restaurant) throw new Error("no demo data");
    const event = catalogEvent(
      { ...restaurant, revision: 7 },
      { occurredAt: new Date(), correlationId: "corr-pub" },
    );
    await snsCatalogPublisher(sns, topic.TopicArn).publish(event);

    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: wanted.queue.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }),
    );
    expect(received.Messages).toHaveLength(1);
    const [message] = received.Messages ?? [];
    expect(RestaurantCatalogPublishedV2.parse(unwrapMessageBody(message?.Body ?? ""))).toEqual(event);
    await sqs.send(
      new DeleteMessageCommand({ QueueUrl: wanted.queue.url, ReceiptHandle: message?.ReceiptHandle }),
    );

    const elsewhere = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: other.queue.url, WaitTimeSeconds: 1 }),
    );
    expect(elsewhere.Messages ?? []).toHaveLength(0);
  });
});
