import { ReceiveMessageCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { peekDeadLetters } from "@tiffin/aws/dead-letters";
import { emulatorClients, freshQueue } from "@tiffin/aws/testing";
import { queues } from "@tiffin/aws/topology";
import type { SQSRecord } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { lambdaContext } from "./lambda-context";
import { type ConsumerQueue, createQueueConsumer, linkedQueue } from "./queue-consumer";

const Greeting = z.object({ correlationId: z.string(), name: z.string() });

/** Receives what is visible on a queue right now, as Lambda would hand it to the consumer. */
const receive = async (url: string, arn: string, waitTimeSeconds = 0): Promise<SQSRecord[]> => {
  const { sqs } = emulatorClients();
  const out = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: url,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: waitTimeSeconds,
      MessageSystemAttributeNames: ["All"],
      MessageAttributeNames: ["All"],
    }),
  );
  return (out.Messages ?? []).map((m) => ({
    messageId: m.MessageId ?? "",
    receiptHandle: m.ReceiptHandle ?? "",
    body: m.Body ?? "",
    attributes: {
      ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? "1",
      SentTimestamp: m.Attributes?.SentTimestamp ?? "0",
      SenderId: "test",
      ApproximateFirstReceiveTimestamp: m.Attributes?.ApproximateFirstReceiveTimestamp ?? "0",
    },
    messageAttributes: Object.fromEntries(
      Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [
        k,
        { dataType: v.DataType ?? "String", stringValue: v.StringValue },
      ]),
    ),
    md5OfBody: "",
    eventSource: "aws:sqs",
    eventSourceARN: arn,
    awsRegion: "us-east-1",
  }));
};

/** A queue whose plain visibility timeout (30 s) is far longer than the consumer's backoff (1 s). */
const setup = async (handle: (name: string) => Promise<void> = async () => undefined) => {
  const { sqs } = emulatorClients();
  const { queue, dlq } = await freshQueue({ visibilityTimeoutSeconds: 30, maxReceiveCount: 10 });
  const consumerQueue: ConsumerQueue = {
    url: queue.url,
    deadLetterUrl: dlq.url,
    retry: { firstBackoffSeconds: 1, maxBackoffSeconds: 2 },
  };
  const consumer = createQueueConsumer({
    service: "test",
    schema: Greeting,
    handle: (event) => handle(event.name),
    queue: consumerQueue,
    sqs,
  });
  const send = (body: string, attributes: Record<string, string> = {}) =>
    sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.url,
        MessageBody: body,
        MessageAttributes: Object.fromEntries(
          Object.entries(attributes).map(([k, v]) => [k, { DataType: "String", StringValue: v }]),
        ),
      }),
    );
  const consume = (records: SQSRecord[]) => consumer({ Records: records }, lambdaContext());
  const deliver = async (waitTimeSeconds = 0) => {
    const records = await receive(queue.url, queue.arn, waitTimeSeconds);
    return { records, result: await consume(records) };
  };
  return { sqs, queue, dlq, send, consume, deliver };
};

describe("createQueueConsumer against a real queue", () => {
  it("dead-letters a message that breaks its contract on its first receive, with the reason", async () => {
    const q = await setup();
    await q.send(JSON.stringify({ correlationId: "c-1", name: 42 }), { type: "greeting" });
    await q.send("{not json");
    await q.send(JSON.stringify({ correlationId: "c-2", name: "Asha" }));

    const { records, result } = await q.deliver(1);
    expect(records).toHaveLength(3);
    // Reported done: nothing waits out the retries, and the good one is unaffected.
    expect(result.batchItemFailures).toEqual([]);

    const dead = await peekDeadLetters(q.sqs, q.dlq.url);
    expect(dead).toHaveLength(2);
    const byBody = Object.fromEntries(dead.map((m) => [m.Body, m.MessageAttributes ?? {}]));
    const contract = byBody[JSON.stringify({ correlationId: "c-1", name: 42 })];
    expect(contract?.DeadLetterReason?.StringValue).toMatch(/does not match its contract: name: /);
    expect(contract?.DeadLetterReceiveCount?.StringValue).toBe("1");
    expect(contract?.type?.StringValue).toBe("greeting"); // the producer's attributes travel with it
    expect(byBody["{not json"]?.DeadLetterReason?.StringValue).toMatch(/body is not JSON/);
  });

  it("hides a transiently failing message for its backoff, not the queue's visibility timeout", async () => {
    let fail = true;
    const handled: string[] = [];
    const q = await setup(async (name) => {
      if (fail) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      handled.push(name);
    });
    await q.send(JSON.stringify({ correlationId: "c-3", name: "Ravi" }));

    const first = await q.deliver(1);
    expect(first.result.batchItemFailures).toEqual([{ itemIdentifier: first.records[0]?.messageId }]);
    // Back after about 1 s (the backoff), long before the queue's 30 s visibility timeout.
    const started = Date.now();
    let again: SQSRecord[] = [];
    while (again.length === 0 && Date.now() - started < 10_000)
      again = await receive(q.queue.url, q.queue.arn, 1);
    expect(again.map((r) => r.attributes.ApproximateReceiveCount)).toEqual(["2"]);
    expect(Date.now() - started).toBeLessThan(8_000);

    fail = false;
    const second = await q.consume(again);
    expect(second.batchItemFailures).toEqual([]);
    expect(handled).toEqual(["Ravi"]);
    expect(await peekDeadLetters(q.sqs, q.dlq.url)).toEqual([]);
  });
});

describe("linkedQueue", () => {
  it("finds a record's queue and dead-letter queue through Resource, as in AWS and local mode", async () => {
    const { queue, dlq } = await freshQueue();
    // Resource reads SST_RESOURCE_* on first use; nothing in this file used it before.
    process.env.SST_RESOURCE_App = JSON.stringify({ name: "tiffin", stage: "test" });
    process.env.SST_RESOURCE_FulfillmentQueue = JSON.stringify({ url: queue.url });
    process.env.SST_RESOURCE_FulfillmentDLQ = JSON.stringify({ url: dlq.url });
    expect(linkedQueue(queue.arn)).toEqual({
      url: queue.url,
      deadLetterUrl: dlq.url,
      retry: queues.FulfillmentQueue.retry,
    });
    expect(linkedQueue("arn:aws:sqs:us-east-1:000000000000:some-other-queue")).toBeUndefined();
  });
});
