import {
  type DeadLetterQueueName,
  type QueueName,
  type TopicName,
  topics as topicTopology,
  queues as topology,
} from "../packages/aws/src/topology";

const DAY_SECONDS = 24 * 60 * 60;

/** SNS topics that fan domain events out to one queue per consuming service. */
export const topics = Object.fromEntries(
  Object.keys(topicTopology).map((name) => [name, new sst.aws.SnsTopic(name)]),
) as Record<TopicName, sst.aws.SnsTopic>;

/** Each queue's dead-letter queue, a resource of its own: its consumer links it to dead-letter poison. */
export const deadLetterQueues = Object.fromEntries(
  Object.values(topology).map((queue) => [
    queue.deadLetterQueue,
    new sst.aws.Queue(queue.deadLetterQueue, {
      transform: { queue: { messageRetentionSeconds: queue.deadLetterRetentionDays * DAY_SECONDS } },
    }),
  ]),
) as Record<DeadLetterQueueName, sst.aws.Queue>;

/**
 * Each queue with its own dead-letter queue. Consumers are attached by their service's infra file,
 * because SST allows one subscriber per queue and the service owns its consumer function.
 */
export const queues = Object.fromEntries(
  Object.entries(topology).map(([name, queue]) => {
    const main = new sst.aws.Queue(name, {
      visibilityTimeout: `${queue.visibilityTimeoutSeconds} seconds`,
      // Retries of transient failures back off (the consumer's ChangeMessageVisibility), so this many
      // receives cover an outage of `outageToleranceSeconds(queue)`.
      dlq: { queue: deadLetterQueues[queue.deadLetterQueue].arn, retry: queue.maxReceiveCount },
    });
    if ("subscription" in queue) {
      const { topic, eventTypes } = queue.subscription;
      // Raw delivery keeps the body and attributes as the producer sent them, so a consumer parses the
      // same message on SNS fan-out as on a direct SQS send. `type` is contracts' EVENT_TYPE_ATTRIBUTE.
      topics[topic].subscribeQueue(name, main, {
        filter: { type: [...eventTypes] },
        transform: { subscription: { rawMessageDelivery: true } },
      });
    }
    return [name, main];
  }),
) as Record<QueueName, sst.aws.Queue>;
