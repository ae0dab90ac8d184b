import {
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";

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
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: targetUrl,
          MessageBody: m.Body ?? "",
          MessageAttributes: m.MessageAttributes,
        }),
      );
      await sqs.send(new DeleteMessageCommand({ QueueUrl: dlqUrl, ReceiptHandle: m.ReceiptHandle }));
      moved++;
    }
  }
};
