import { SendMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { encodeMessageBody, eventMessageAttributes } from "@tiffin/contracts";
import type { OrdersEvent } from "../domain/ports";

export type OrderPlacedEvent = Extract<OrdersEvent, { type: "order.placed" }>;

/** Sends OrderPlaced to the FulfillmentQueue; the body is ASCII-escaped JSON, so any valid order is sendable. */
export const sqsFulfillmentSender = (sqs: SQSClient, queueUrl: string) => ({
  async send(event: OrderPlacedEvent) {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: encodeMessageBody(event),
        MessageAttributes: eventMessageAttributes(event),
      }),
    );
  },
});
