import {
  ISSUER_RESOURCE,
  type QueueName,
  queues as queueTopology,
  type ResourceName,
  type ServiceName,
  services,
} from "../packages/aws/src/topology";
import { issuer } from "./issuer";
import { queues, topics } from "./messaging";
import { tables } from "./storage";

const linkable: Record<ResourceName, sst.aws.Dynamo | sst.aws.Queue | sst.aws.SnsTopic | sst.aws.Auth> = {
  ...tables,
  ...queues,
  ...topics,
  [ISSUER_RESOURCE]: issuer,
};

const pascal = (kebab: string) => kebab.replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase());

/**
 * One service as the topology describes it: its tRPC API function, the consumers of the queues it owns
 * and its scheduled jobs. All of its functions share its links and memory size.
 */
export function defineService(service: ServiceName) {
  const { links, memoryMb, concurrency, schedules } = services[service];
  const prefix = pascal(service);
  const common = {
    runtime: "nodejs24.x",
    memory: `${memoryMb} MB`,
    link: links.map((name) => linkable[name]),
  } as const;
  const handler = (module: string) => `packages/${service}/src/handlers/${module}.handler`;

  const api = new sst.aws.Function(`${prefix}Api`, {
    ...common,
    handler: handler("api"),
    url: true,
    // Reserved, so a burst on one service cannot take the account's whole concurrency from the others.
    concurrency: { reserved: concurrency },
  });

  for (const name of Object.keys(queueTopology) as QueueName[]) {
    const { consumer } = queueTopology[name];
    if (consumer.service !== service) continue;
    queues[name].subscribe(
      { ...common, handler: handler(consumer.handler), timeout: `${consumer.timeoutSeconds} seconds` },
      // Partial responses: one poison message goes back alone (and on to the DLQ), not its whole batch.
      { batch: { size: consumer.batchSize, partialResponses: true } },
    );
  }

  for (const job of schedules) {
    // CronV2 (EventBridge Scheduler): SST 4 deprecates Cron.
    new sst.aws.CronV2(`${prefix}${pascal(job.handler)}`, {
      schedule: `rate(${job.everyMinutes} ${job.everyMinutes === 1 ? "minute" : "minutes"})`,
      function: { ...common, handler: handler(job.handler) },
    });
  }

  return { api };
}
