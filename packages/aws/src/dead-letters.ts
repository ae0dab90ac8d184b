import {
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";

/** Message attributes a consumer puts on a dead letter it sends, so `peek` (or the console) says why. */
export const DEAD_LETTER_ATTRIBUTES = {
  reason: "DeadLetterReason",
  queue: "DeadLetterQueue",
  messageId: "DeadLetterMessageId",
  receiveCount: "DeadLetterReceiveCount",
} as const;
const isDeadLetterAttribute = (name: string) => name.startsWith("DeadLetter");

/** Why a dead letter is there: the reason its consumer gave, or the redrive policy's receive count. */
export const deadLetterSummary = (m: Message): string => {
  const attr = (name: string) => m.MessageAttributes?.[name]?.StringValue;
  const reason = attr(DEAD_LETTER_ATTRIBUTES.reason);
  if (!reason) {
    return `moved by the redrive policy after ${m.Attributes?.ApproximateReceiveCount ?? "?"} receives (see the service log)`;
  }
  return `dead-lettered by its consumer on receive ${attr(DEAD_LETTER_ATTRIBUTES.receiveCount) ?? "?"} of ${attr(DEAD_LETTER_ATTRIBUTES.queue) ?? "?"}: ${reason}`;
};

/**
 * Operator tools for dead-letter queues. `peek` shows what is there without consuming it (messages become
 * visible again after a short timeout); `redrive` moves every message back to its source queue, each one
 * sent before it is deleted, so a crash mid-way can duplicate (consumers are idempotent) but never lose.
 * Hand-written because fauxqs has no StartMessageMoveTask; on AWS the console's "Start DLQ redrive" does this.
 */
export const peekDeadLetters = async (sqs: SQSClient, dlqUrl: string, max = 10): Promise<Message[]> => {
  const out = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: dlqUrl,
      MaxNumberOfMessages: Math.min(max, 10),
      VisibilityTimeout: 1,
      MessageSystemAttributeNames: ["All"],
      MessageAttributeNames: ["All"],
    }),
  );
  return out.Messages ?? [];
};

export const redriveDeadLetters = async (
  sqs: SQSClient,
  dlqUrl: string,
  targetUrl: string,
): Promise<number> => {
  let moved = 0;
  for (;;) {
    const out = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 30,
        MessageAttributeNames: ["All"],
      }),
    );
    const batch = out.Messages ?? [];
    if (batch.length === 0) return moved;
    for (const m of batch) {
      // The dead-letter attributes (why it failed) describe the last attempt, not the next one.
      const attributes = Object.fromEntries(
        Object.entries(m.MessageAttributes ?? {}).filter(([name]) => !isDeadLetterAttribute(name)),
      );
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: targetUrl,
          MessageBody: m.Body ?? "",
          MessageAttributes: Object.keys(attributes).length ? attributes : undefined,
        }),
      );
      await sqs.send(new DeleteMessageCommand({ QueueUrl: dlqUrl, ReceiptHandle: m.ReceiptHandle }));
      moved++;
    }
  }
};
