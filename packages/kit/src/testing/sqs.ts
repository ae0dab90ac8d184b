import type { SQSEvent, SQSRecord } from "aws-lambda";

/*
 * SQS events as Lambda (or the local poller) hands them to a consumer, for consumer tests.
 */

let sequence = 0;

/** One SQS record carrying `body` verbatim; each gets a unique, readable messageId. */
export const sqsRecord = (body: string, overrides: Partial<SQSRecord> = {}): SQSRecord => {
  sequence++;
  return {
    messageId: `msg-${sequence}`,
    receiptHandle: `receipt-${sequence}`,
    body,
    attributes: {
      ApproximateReceiveCount: "1",
      SentTimestamp: "1796322600000",
      SenderId: "AIDATEST",
      ApproximateFirstReceiveTimestamp: "1796322600000",
    },
    messageAttributes: {},
    md5OfBody: "",
    eventSource: "aws:sqs",
    eventSourceARN: "arn:aws:sqs:us-east-1:000000000000:test-queue",
    awsRegion: "us-east-1",
    ...overrides,
  };
};

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

/** The body SQS delivers from an SNS subscription without raw message delivery. */
export const snsEnvelope = (message: string): string =>
  JSON.stringify({
    Type: "Notification",
    MessageId: "sns-message-1",
    TopicArn: "arn:aws:sns:us-east-1:000000000000:DomainEvents",
    Message: message,
    Timestamp: "2026-11-27T17:00:00.000Z",
  });
