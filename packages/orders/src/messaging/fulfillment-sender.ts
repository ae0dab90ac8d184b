import { SendMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { EVENT_TYPE_ATTRIBUTE } from "@tiffin/contracts";
import type { FulfillmentSender } from "../domain/ports";

export const sqsFulfillmentSender = (sqs: SQSClient, queueUrl: string): FulfillmentSender => ({
  async send(event) {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(event),
        MessageAttributes: {
          [EVENT_TYPE_ATTRIBUTE]: { DataType: "String", StringValue: event.type },
          correlationId: { DataType: "String", StringValue: event.correlationId },
        },
      }),
    );
  },
});
