import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";
import { encodeMessageBody, eventMessageAttributes } from "@tiffin/contracts";
import type { EventSender, OrdersEvent } from "../domain/ports";
import type { OrderPlacedEvent } from "./fulfillment-sender";

/**
 * Publishes orders' domain events (order.cancel-requested, …) to the DomainEvents topic; the `type`
 * attribute drives each subscription's filter. ASCII-escaped JSON, like every body we send.
 */
export const snsEventPublisher = (sns: SNSClient, topicArn: string) => ({
  async send(event: OrdersEvent) {
    await sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: encodeMessageBody(event),
        MessageAttributes: eventMessageAttributes(event),
      }),
    );
  },
});

/**
 * The outbox's one sender, routing by event type: a placed order goes straight to the kitchen's
 * FulfillmentQueue (point to point: it must reach restaurants even when nobody else listens); every
 * other event fans out through the DomainEvents topic to whoever subscribed to its type.
 */
export const routedEventSender = (routes: {
  fulfillment: { send(event: OrderPlacedEvent): Promise<void> };
  topic: { send(event: OrdersEvent): Promise<void> };
}): EventSender => ({
  send: (event) =>
    event.type === "order.placed" ? routes.fulfillment.send(event) : routes.topic.send(event),
});
