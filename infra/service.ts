import {
  ISSUER_RESOURCE,
  type QueueName,
  queues as queueTopology,
  type ResourceName,
  type ServiceName,
  services,
} from "../packages/aws/src/topology";
import { issuer } from "./issuer";
import { deadLetterQueues, queues, topics } from "./messaging";
import { buckets, tables } from "./storage";

const linkable: Record<
  ResourceName,
  sst.aws.Dynamo | sst.aws.Queue | sst.aws.SnsTopic | sst.aws.Auth | sst.aws.Bucket
> = {
  ...tables,
  ...buckets,
  ...queues,
  ...deadLetterQueues,
  ...topics,
  [ISSUER_RESOURCE]: issuer,
};

/** Links grant rights, so each function gets only the resources its own code reads (see topology.ts). */
const link = (names: readonly string[]) =>
  names.map((name) => {
    const resource = linkable[name as ResourceName];
    if (!resource) throw new Error(`topology links unknown resource ${name}`);
    return resource;
  });

const pascal = (kebab: string) => kebab.replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase());

/**
 * One service as the topology describes it: its tRPC API function, the consumers of the queues it owns
 * and its scheduled jobs, each linked to what it uses. They share the service's memory size.
 */
export function defineService(service: ServiceName) {
  const { api: apiDefinition, memoryMb, concurrency, schedules } = services[service];
  const prefix = pascal(service);
  const common = { runtime: "nodejs24.x", memory: `${memoryMb} MB` } as const;
  const handler = (module: string) => `packages/${service}/src/handlers/${module}.handler`;

  const api = new sst.aws.Function(`${prefix}Api`, {
    ...common,
    handler: handler("api"),
    link: link(apiDefinition.links),
    url: true,
    // Reserved, so a burst on one service cannot take the account's whole concurrency from the others.
    concurrency: { reserved: concurrency },
  });

  for (const name of Object.keys(queueTopology) as QueueName[]) {
    const { consumer, deadLetterQueue } = queueTopology[name];
    if (consumer.service !== service) continue;
    queues[name].subscribe(
      {
        ...common,
        handler: handler(consumer.handler),
        timeout: `${consumer.timeoutSeconds} seconds`,
        // Its own queue (to back off a retry) and dead-letter queue (to send poison to), found by the
        // kit's createQueueConsumer through Resource.
        link: link([...consumer.links, name, deadLetterQueue]),
      },
      // Partial responses: one failed message goes back alone, not its whole batch.
      { batch: { size: consumer.batchSize, partialResponses: true } },
    );
  }

  for (const job of schedules) {
    // CronV2 (EventBridge Scheduler): SST 4 deprecates Cron.
    new sst.aws.CronV2(`${prefix}${pascal(job.handler)}`, {
      schedule: `rate(${job.everyMinutes} ${job.everyMinutes === 1 ? "minute" : "minutes"})`,
      function: { ...common, handler: handler(job.handler), link: link(job.links) },
    });
  }

  return { api };
}
