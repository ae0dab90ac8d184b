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

describe("fulfillment sender: text as people type it", () => {
  it("delivers an order with emoji, a ZWJ family, Devanagari, Arabic and a combining mark exactly", async () => {
    const { sqs } = emulatorClients();
    const { queue } = await freshQueue();
    const typed: OrderPlacedV1 = {
      ...fixture,
      customer: { name: "आशा पटेल 👩🏽‍🍳", phone: "+971 ٥٠ ١٢٣ ٤٥٦٧" },
      delivery: {
        address: "٢٢١ شارع فالنسيا، Zoe\u0308 Building",
        notes: "ring twice 🔔\nघंटी दो बार बजाएँ · اتصل بي · 👨‍👩‍👧‍👦",
      },
    };

    // fauxqs refuses any astral character in a raw body (and SQS refuses U+FFFE/U+FFFF): this must not throw.
    await sqsFulfillmentSender(sqs, queue.url).send(typed);

    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, WaitTimeSeconds: 2 }));
    const received = OrderPlacedV1.parse(JSON.parse(out.Messages?.[0]?.Body ?? ""));
    expect(received).toEqual(typed);
    expect(received.delivery.notes).toBe(typed.delivery.notes);
    expect(received.delivery.address.includes("e\u0308")).toBe(true); // not normalised to "ë"
  });
});
