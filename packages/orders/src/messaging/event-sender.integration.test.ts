import { CreateTopicCommand } from "@aws-sdk/client-sns";
import { ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { subscribeQueue } from "@tiffin/aws/provision";
import { emulatorClients, freshQueue } from "@tiffin/aws/testing";
import { OrderCancelRequestedV1, unwrapMessageBody } from "@tiffin/contracts";
import { describe, expect, it } from "vitest";
import { contractFixtureBody, orderPlaced } from "../../test/factories";
import { routedEventSender, snsEventPublisher } from "./event-sender";
import { sqsFulfillmentSender } from "./fulfillment-sender";

const receive = async (url: string) =>
  (
    await emulatorClients().sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    )
  ).Messages ?? [];

describe("orders' event sender (fauxqs)", () => {
  it("sends order.placed to the FulfillmentQueue and order.cancel-requested through the topic", async () => {
    const { sns, sqs } = emulatorClients();
    const topic = await sns.send(new CreateTopicCommand({ Name: `test-orders-events-${Date.now()}` }));
    if (!topic.TopicArn) throw new Error("no topic");
    const fulfillment = await freshQueue();
    // The restaurants inbox subscribes for the cancel request only, as the topology says.
    const kitchen = await freshQueue();
    await subscribeQueue(sns, topic.TopicArn, kitchen.queue.arn, ["order.cancel-requested"]);
    const sender = routedEventSender({
      fulfillment: sqsFulfillmentSender(sqs, fulfillment.queue.url),
      topic: snsEventPublisher(sns, topic.TopicArn),
    });
    const cancel = OrderCancelRequestedV1.parse(JSON.parse(contractFixtureBody("order.cancel-requested.v1")));

    await sender.send(orderPlaced());
    await sender.send(cancel);

    const placed = await receive(fulfillment.queue.url);
    expect(placed.map((m) => (unwrapMessageBody(m.Body ?? "") as { type: string }).type)).toEqual([
      "order.placed",
    ]);
    const requests = await receive(kitchen.queue.url);
    expect(requests).toHaveLength(1);
    expect(OrderCancelRequestedV1.parse(unwrapMessageBody(requests[0]?.Body ?? ""))).toEqual(cancel);
  });
});
