import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type LineSink, pipeLines } from "@tiffin/aws/child-processes";
import { repoRoot } from "./config";

const webDir = join(repoRoot, "apps", "web");
const stampFile = join(webDir, ".next", "tiffin-source-hash");
// The web app and the platform packages it bundles (services reach it as types only, see the architecture test).
const sources = [webDir, ...["ui", "kit", "contracts", "aws"].map((p) => join(repoRoot, "packages", p))];
const skip = new Set(["node_modules", ".next", "test-results", ".scratch"]);

/** Hash of everything the production build depends on, so `npm start` rebuilds only after a change. */
export const webSourceHash = (): string => {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      if (skip.has(entry)) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path.slice(repoRoot.length)).update(readFileSync(path));
    }
  };
  for (const dir of sources) walk(dir);
  return hash.digest("hex");
};

export const webBuildIsCurrent = (): boolean =>
  existsSync(join(webDir, ".next", "BUILD_ID")) &&
  existsSync(stampFile) &&
  readFileSync(stampFile, "utf8") === webSourceHash();

export const nextBin = (): string => join(repoRoot, "node_modules", "next", "dist", "bin", "next");

/** `next build` (production), streamed with a prefix; records the source hash on success. */
export const buildWeb = (sink: LineSink): Promise<void> =>
  new Promise((resolve, reject) => {
    const hash = webSourceHash();
    const child = spawn(process.execPath, [nextBin(), "build"], {
      cwd: webDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    pipeLines(child, sink);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`next build failed (exit ${code}); see the web lines above.`));
      writeFileSync(stampFile, hash);
      resolve();
    });
  });

/**
 * Empties Next's data cache (the catalog reads of server-rendered pages, kept in `.next/cache/fetch-cache`
 * across restarts): a stack starts on its own data, so another run's catalog must never be served. A
 * running web app keeps what it holds in memory.
 */
export const clearWebDataCache = () =>
  rmSync(join(webDir, ".next", "cache", "fetch-cache"), { recursive: true, force: true });

export { webDir };
