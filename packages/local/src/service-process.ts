/**
 * One service's OS process in local mode: its HTTP Lambda behind a Function-URL-like host, one poller per
 * queue it consumes, and its scheduled jobs; the auth service also hosts the OpenAuth issuer's Lambda on
 * `ISSUER_PORT` (in AWS it has its own Function URL). Started by the CLI as `service-process.ts <service>`
 * with the emulator endpoints and `SST_RESOURCE_*` in its environment.
 */
import { createSqsClient } from "@tiffin/aws";
import {
  isServiceName,
  type QueueDefinition,
  queues,
  serviceDefinitions,
  serviceNames,
} from "@tiffin/aws/topology";
import { createLambdaHost, type HttpHandler } from "./lambda-host";
import { type QueueHandler, startQueuePoller } from "./queue-poller";

const service = process.argv[2] ?? "";
if (!isServiceName(service)) {
  console.error(`usage: service-process.ts <${serviceNames.join("|")}>`);
  process.exit(2);
}
const port = Number(process.env.SERVICE_PORT);
const log = (level: string, message: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level, service, message, ...extra }));

const resource = (name: string): { url: string; arn: string } => {
  const raw = process.env[`SST_RESOURCE_${name}`];
  if (!raw) throw new Error(`SST_RESOURCE_${name} is not set`);
  return JSON.parse(raw);
};

const api = (await import(`@tiffin/${service}/handlers/api`)) as { handler: HttpHandler };
const server = createLambdaHost({ functionName: `${service}-api`, handler: api.handler, timeoutMs: 10_000 });
await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

const definition = serviceDefinitions[service];

/** The issuer's Lambda behind its own Function-URL-like host, as the auth service's second URL. */
const hostIssuer = async (handlerModule: string, issuerPort: number) => {
  if (!issuerPort) throw new Error(`ISSUER_PORT is not set: the ${service} service hosts the auth issuer`);
  const mod = (await import(`@tiffin/${service}/handlers/${handlerModule}`)) as { handler: HttpHandler };
  const host = createLambdaHost({
    functionName: `${service}-issuer`,
    handler: mod.handler,
    timeoutMs: 10_000,
  });
  await new Promise<void>((resolve) => host.listen(issuerPort, "127.0.0.1", resolve));
  return host;
};
const issuerPort = Number(process.env.ISSUER_PORT);
const issuerServer = definition.issuer ? await hostIssuer(definition.issuer.handler, issuerPort) : undefined;

const sqs = createSqsClient();
const pollers: ReturnType<typeof startQueuePoller>[] = [];
for (const [queueName, def] of Object.entries(queues) as [string, QueueDefinition][]) {
  if (def.consumer.service !== service) continue;
  const mod = (await import(`@tiffin/${service}/handlers/${def.consumer.handler}`)) as {
    handler: QueueHandler;
  };
  const { url, arn } = resource(queueName);
  pollers.push(
    startQueuePoller({
      sqs,
      queueUrl: url,
      queueArn: arn,
      region: process.env.AWS_REGION ?? "us-east-1",
      functionName: `${service}-${def.consumer.handler}`,
      handler: mod.handler,
      batchSize: def.consumer.batchSize,
      timeoutMs: def.consumer.timeoutSeconds * 1000,
      onError: (message, error) =>
        log("WARN", message, { queue: queueName, ...(error === undefined ? {} : { error: String(error) }) }),
    }),
  );
}

const timers: NodeJS.Timeout[] = [];
for (const schedule of definition.schedules) {
  const mod = (await import(`@tiffin/${service}/handlers/${schedule.handler}`)) as {
    handler: () => Promise<unknown>;
  };
  let running = false;
  const tick = async () => {
    if (running) return; // never overlap, like a Lambda with reserved concurrency 1
    running = true;
    try {
      await mod.handler();
    } catch (error) {
      log("WARN", "scheduled job failed", { job: schedule.handler, error: String(error) });
    } finally {
      running = false;
    }
  };
  void tick(); // at start too: picks up whatever a crash left behind
  timers.push(setInterval(tick, schedule.localEverySeconds * 1000));
}

log("INFO", "service ready", {
  port,
  ...(issuerServer ? { issuerPort } : {}),
  consumers: pollers.length,
  schedules: timers.length,
});

const shutdown = async () => {
  for (const t of timers) clearInterval(t);
  server.close();
  issuerServer?.close();
  await Promise.all(pollers.map((p) => p.stop()));
  process.exit(0);
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
