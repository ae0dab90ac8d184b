import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { createS3Client, createSnsClient, createSqsClient } from "@tiffin/aws";
import { PARENT_WATCH, type Supervised, supervise, waitForHttp } from "@tiffin/aws/child-processes";
import { assertPortFree, type RunningEmulator, startDynamoLocal, startFauxqs } from "@tiffin/aws/emulators";
import { provisionAll, type ResourceValues, resourceEnvironment } from "@tiffin/aws/provision";
import {
  type QueueDefinition,
  queues,
  type ServiceName,
  serviceDefinitions,
  serviceNames,
} from "@tiffin/aws/topology";
import { authEnvironment, emulatorEnvironment, issuerUrl, type LocalConfig, repoRoot } from "./config";
import { startControlServer } from "./control";
import { acquireStackLock } from "./lock";
import { prefixer } from "./processes";
import { createLocalRouter } from "./router";
import { buildWeb, clearWebDataCache, nextBin, webBuildIsCurrent, webDir } from "./web-build";

export interface RunningStack {
  resources: ResourceValues;
  env: Record<string, string>;
  stop(): Promise<void>;
}

const step = async <T>(say: (line: string) => void, label: string, run: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  say(`${label}…`);
  const out = await run();
  say(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return out;
};

/** Waits until a queue holds nothing (visible or in flight): its consumer has caught up. */
const waitForDrain = async (queueUrl: string, endpoint: string, timeoutMs: number) => {
  const sqs = createSqsClient({ endpoint });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const out = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
      }),
    );
    const left =
      Number(out.Attributes?.ApproximateNumberOfMessages ?? 0) +
      Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
    if (left === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`queue ${queueUrl} did not drain within ${timeoutMs / 1000}s`);
};

/**
 * Brings the whole platform up on one machine: emulators, provisioning, one process per service,
 * demo data, Next.js (production build) and the router. Everything stops with `stop()`.
 */
export const startStack = async (
  cfg: LocalConfig,
  opts: { web: boolean } = { web: true },
): Promise<RunningStack> => {
  const say = prefixer("tiffin");
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s().catch(() => undefined);
  };
  try {
    // Before anything else: a second stack on the same data must not touch it, not even its ports.
    const lock = await acquireStackLock(cfg.dataDir, { port: cfg.port, say });
    stoppers.push(async () => lock.release());

    await step(say, "Checking ports", async () => {
      await assertPortFree(cfg.port, "router (PORT)");
      if (opts.web) await assertPortFree(cfg.nextPort, "Next.js");
      for (const [s, p] of Object.entries(cfg.servicePorts)) await assertPortFree(p, `${s} service`);
      await assertPortFree(cfg.issuerPort, "auth issuer");
      await assertPortFree(cfg.controlPort, "control API");
    });

    const webSink = prefixer("web");
    const webReady =
      !opts.web || webBuildIsCurrent()
        ? Promise.resolve()
        : step(say, "Building the web app (next build, first start only)", () => buildWeb(webSink));

    let provision: () => Promise<ResourceValues> = async () => ({});
    // A restarted emulator gets the tables and queues again (idempotent; its data is persisted anyway).
    const reprovision = async () => {
      await provision();
    };
    const [dynamo, fauxqs] = await step(say, "Starting DynamoDB Local and fauxqs", async () => {
      const started: RunningEmulator[] = [];
      try {
        started.push(
          await startDynamoLocal({
            port: cfg.dynamoPort,
            dataDir: join(cfg.dataDir, "dynamodb"),
            corsOrigins: [`http://127.0.0.1:${cfg.port}`],
            onLine: prefixer("dynamodb"),
            onPids: (pids) => lock.record("dynamodb", pids),
            onRestarted: reprovision,
          }),
        );
        started.push(
          await startFauxqs({
            port: cfg.fauxqsPort,
            dataDir: join(cfg.dataDir, "fauxqs"),
            onLine: prefixer("fauxqs"),
            onPids: (pids) => lock.record("fauxqs", pids),
            onRestarted: reprovision,
          }),
        );
      } finally {
        for (const p of started) stoppers.push(p.stop);
      }
      return started as [RunningEmulator, RunningEmulator];
    });

    provision = () =>
      provisionAll(
        {
          dynamo: new DynamoDBClient({
            endpoint: dynamo.endpoint,
            region: cfg.region,
            credentials: { accessKeyId: "local", secretAccessKey: "local" },
          }),
          sqs: createSqsClient({ endpoint: fauxqs.endpoint }),
          sns: createSnsClient({ endpoint: fauxqs.endpoint }),
          s3: createS3Client({ endpoint: fauxqs.endpoint }),
        },
        cfg.prefix,
      );
    const resources = await step(say, "Creating tables, queues, topic and subscriptions", provision);
    const env = {
      ...emulatorEnvironment(cfg),
      ...resourceEnvironment(resources, "local"),
      ...authEnvironment(cfg),
    };
    Object.assign(process.env, env);

    // The service that runs the issuer (auth) serves it on its own port, beside its API.
    const hostsIssuer = (service: ServiceName) => Boolean(serviceDefinitions[service].issuer);
    // Each service's supervisor, for the control API (`npm run service -- stop <name>`).
    const supervised: Record<string, Supervised> = {};
    await step(say, "Starting services", async () => {
      const ready = (service: ServiceName) => async () => {
        await waitForHttp(`http://127.0.0.1:${cfg.servicePorts[service]}/`, {
          timeoutMs: 30_000,
          what: `${service} service`,
        });
        if (hostsIssuer(service)) {
          await waitForHttp(`${issuerUrl(cfg)}/.well-known/oauth-authorization-server`, {
            timeoutMs: 30_000,
            what: "auth issuer",
          });
        }
      };
      const started = await Promise.allSettled(
        serviceNames.map((service) =>
          supervise({
            name: `the ${service} service`,
            command: process.execPath,
            args: [
              "--require",
              PARENT_WATCH,
              "--import",
              "tsx",
              join(import.meta.dirname, "service-process.ts"),
              service,
            ],
            options: {
              cwd: repoRoot,
              env: {
                ...process.env,
                ...env,
                SERVICE_PORT: String(cfg.servicePorts[service]),
                ...(hostsIssuer(service) ? { ISSUER_PORT: String(cfg.issuerPort) } : {}),
              },
            },
            sink: prefixer(service),
            onSpawn: (child) => lock.record(service, child.pid ? [child.pid] : []),
            ready: ready(service),
          }),
        ),
      );
      for (const s of started) if (s.status === "fulfilled") stoppers.push(s.value.stop);
      started.forEach((s, i) => {
        const service = serviceNames[i];
        if (s.status === "fulfilled" && service) supervised[service] = s.value;
      });
      const failed = started.find((s) => s.status === "rejected");
      if (failed?.status === "rejected") throw failed.reason;
    });

    for (const service of serviceNames) {
      const seed = serviceDefinitions[service].seed;
      if (!seed) continue;
      await step(say, `Seeding ${service} demo data`, async () => {
        // Imported only now: a service's wiring reads SST_RESOURCE_* on first use.
        const mod = (await import(`@tiffin/${service}/handlers/${seed.handler}`)) as {
          handler: () => Promise<string>;
        };
        say(await mod.handler());
      });
    }
    // What the seeds published (catalog snapshots, …) reaches every consumer before the stack says ready.
    await step(say, "Waiting for seeded events to be consumed", () =>
      Promise.all(
        (Object.entries(queues) as [string, QueueDefinition][])
          .filter(([, def]) => def.subscription)
          .map(([name]) => resources[name])
          .filter((r) => r !== undefined && "url" in r)
          .map((queue) => waitForDrain(queue.url, fauxqs.endpoint, 60_000)),
      ),
    );

    await webReady;
    if (opts.web) {
      clearWebDataCache();
      const next = await step(say, "Starting Next.js", () =>
        supervise({
          name: "Next.js",
          command: process.execPath,
          args: [
            "--require",
            PARENT_WATCH,
            nextBin(),
            "start",
            "-p",
            String(cfg.nextPort),
            "-H",
            "127.0.0.1",
          ],
          options: {
            cwd: webDir,
            env: {
              ...process.env,
              NODE_ENV: "production",
              NEXT_TELEMETRY_DISABLED: "1",
              // The web app signs people in against the local issuer and lists the demo accounts.
              TIFFIN_AUTH_ISSUER: issuerUrl(cfg),
              TIFFIN_SHOW_DEMO_ACCOUNTS: "1",
              // Server-rendered pages read the catalog through the router, as on AWS through the Router.
              TIFFIN_API_BASE: `http://127.0.0.1:${cfg.port}/trpc`,
            },
          },
          sink: webSink,
          onSpawn: (child) => lock.record("web", child.pid ? [child.pid] : []),
          ready: (child) =>
            waitForHttp(`http://127.0.0.1:${cfg.nextPort}/`, { timeoutMs: 60_000, what: "Next.js", child }),
        }),
      );
      stoppers.push(next.stop);
    }

    const mediaBucket = resources.MediaBucket;
    const router = createLocalRouter({
      servicePorts: cfg.servicePorts,
      nextPort: cfg.nextPort,
      // /media/<key> and /media-upload: what the Router's bucket route and S3 itself do on AWS.
      media:
        mediaBucket && "name" in mediaBucket
          ? { endpoint: fauxqs.endpoint, bucket: mediaBucket.name }
          : undefined,
    });
    await new Promise<void>((resolve, reject) => {
      router.once("error", reject);
      router.listen(cfg.port, "127.0.0.1", resolve);
    });
    stoppers.push(() => new Promise<void>((r) => router.close(() => r())));
    const control = await startControlServer({
      port: cfg.controlPort,
      dataDir: cfg.dataDir,
      services: supervised,
      say,
    });
    stoppers.push(control.stop);
    return { resources, env, stop };
  } catch (err) {
    await stop();
    throw err;
  }
};
