import { join, resolve } from "node:path";
import { type ServiceName, serviceNames } from "@tiffin/aws/topology";

export const repoRoot = resolve(import.meta.dirname, "..", "..", "..");

/**
 * Every local port is derived from PORT (the router, default 3000), so two stacks started with
 * different PORTs (say a dev one on 3000 and the e2e one on 3100) never collide.
 */
export const localConfig = (env: NodeJS.ProcessEnv = process.env) => {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1024 || port > 65_000) {
    throw new Error(`PORT must be a whole number between 1024 and 65000 (got "${env.PORT}").`);
  }
  const servicePorts = Object.fromEntries(serviceNames.map((s, i) => [s, port + 10 + i])) as Record<
    ServiceName,
    number
  >;
  const dataDir = resolve(env.TIFFIN_DATA_DIR ?? join(repoRoot, ".data", "local"));
  return {
    port,
    nextPort: port + 1,
    dynamoPort: port + 2,
    fauxqsPort: port + 3,
    servicePorts,
    /** The OpenAuth issuer (served by the auth service's process on its own port, as on its own URL in AWS). */
    issuerPort: port + 20,
    /** The stack's control API (stop / start one service), see src/control.ts. */
    controlPort: port + 30,
    dataDir,
    prefix: "tiffin-local",
    region: env.AWS_REGION ?? "us-east-1",
  };
};
export type LocalConfig = ReturnType<typeof localConfig>;

/** Environment that points the unchanged AWS SDK code at the emulators. */
export const emulatorEnvironment = (cfg: LocalConfig): Record<string, string> => {
  const aws = `http://127.0.0.1:${cfg.fauxqsPort}`;
  return {
    AWS_REGION: cfg.region,
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${cfg.dynamoPort}`,
    AWS_ENDPOINT_URL_SQS: aws,
    AWS_ENDPOINT_URL_SNS: aws,
    AWS_ENDPOINT_URL_S3: aws,
    // Photo uploads go through the local router (same origin): fauxqs sends no CORS headers.
    TIFFIN_MEDIA_UPLOAD_URL: "/media-upload",
  };
};

/** Always 127.0.0.1, never localhost: OpenAuth's issuer claim is the origin the request was made to. */
export const issuerUrl = (cfg: LocalConfig) => `http://127.0.0.1:${cfg.issuerPort}`;

/**
 * What every service needs to verify tokens (`Resource.Auth.url`), and what the issuer needs locally:
 * codes go to the dev mailbox, and only the local router's origin may receive them.
 */
export const authEnvironment = (cfg: LocalConfig): Record<string, string> => ({
  SST_RESOURCE_Auth: JSON.stringify({ url: issuerUrl(cfg) }),
  TIFFIN_MAIL: "mailbox",
  TIFFIN_WEB_ORIGINS: `http://127.0.0.1:${cfg.port}`,
});
