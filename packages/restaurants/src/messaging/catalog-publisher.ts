import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";
import { encodeMessageBody, eventMessageAttributes } from "@tiffin/contracts";
import type { CatalogPublisher } from "../domain/ports";

/**
 * Publishes catalog snapshots and ticket events to the DomainEvents topic; the `type` attribute drives
 * subscription filters.
 * The body is ASCII-escaped JSON, so a menu in any script (or with emoji) always reaches the queues.
 */
export const snsCatalogPublisher = (sns: SNSClient, topicArn: string): CatalogPublisher => ({
  async publish(event) {
    await sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: encodeMessageBody(event),
        MessageAttributes: eventMessageAttributes(event),
      }),
    );
  },
});
