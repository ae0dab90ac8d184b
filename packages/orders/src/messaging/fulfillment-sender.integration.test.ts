import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { emulatorClients, freshQueue } from "@tiffin/aws/testing";
import { OrderPlacedV1 } from "@tiffin/contracts";
import { describe, expect, it } from "vitest";
import { sqsFulfillmentSender } from "./fulfillment-sender";

const fixture = OrderPlacedV1.parse(
  JSON.parse(
    readFileSync(join(import.meta.dirname, "../../../contracts/fixtures/order.placed.v1.json"), "utf8"),
  ),
);

describe("fulfillment sender (SQS on fauxqs)", () => {
  it("sends OrderPlaced as its contract, with type and correlation id attributes", async () => {
    const { sqs } = emulatorClients();
    const { queue } = await freshQueue();
    await sqsFulfillmentSender(sqs, queue.url).send(fixture);
    const out = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queue.url, MessageAttributeNames: ["All"], WaitTimeSeconds: 2 }),
    );
    const [message] = out.Messages ?? [];
    expect(OrderPlacedV1.parse(JSON.parse(message?.Body ?? ""))).toEqual(fixture);
    expect(message?.MessageAttributes?.type?.StringValue).toBe("order.placed");
    expect(message?.MessageAttributes?.correlationId?.StringValue).toBe(fixture.correlationId);
  });
});
