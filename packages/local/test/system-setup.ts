import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { localConfig } from "../src/config";
import { startStack } from "../src/stack";

/**
 * System tests run against the real local platform (API side): emulators, every service in its own
 * process, the auth issuer and the router, on their own ports and fresh data.
 */
export default async function setup(project: TestProject) {
  const dataDir = join(tmpdir(), `tiffin-system-${process.pid}`);
  process.env.LOG_LEVEL = "WARN";
  const cfg = localConfig({
    ...process.env,
    PORT: process.env.SYSTEM_TEST_PORT ?? "3500",
    TIFFIN_DATA_DIR: dataDir,
  });
  const stack = await startStack(cfg, { web: false });
  project.provide("apiBase", `http://127.0.0.1:${cfg.port}`);
  project.provide("issuer", `http://127.0.0.1:${cfg.issuerPort}`);
  project.provide("stackPort", cfg.port);
  project.provide("stackDataDir", cfg.dataDir);
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    apiBase: string;
    issuer: string;
    /** PORT of the stack under test (every other port derives from it) and its data directory. */
    stackPort: number;
    stackDataDir: string;
  }
}
