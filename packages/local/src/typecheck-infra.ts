/**
 * `npm run typecheck:infra`: type-checks `sst.config.ts` and `infra/*.ts` without AWS or network
 * beyond npm. SST's types live in `.sst/platform/config.d.ts`, which only `sst install` writes.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

const root = path.resolve(import.meta.dirname, "../../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const platformTypes = path.join(root, ".sst", "platform", "config.d.ts");
const platformVersionFile = path.join(root, ".sst", "platform", "version");
const sstVersion: string = JSON.parse(
  readFileSync(path.join(root, "node_modules", "sst", "package.json"), "utf8"),
).version;

/** Runs a command from the repo root, prefixing each output line so the source of every line is clear. */
function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    for (const [stream, sink] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      createInterface({ input: stream }).on("line", (line) => sink.write(`[${label}] ${line}\n`));
    }
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function step(title: string, body: () => Promise<number>): Promise<number> {
  console.log(`typecheck:infra: ${title}`);
  const started = performance.now();
  const code = await body();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`typecheck:infra: ${title}: ${code === 0 ? "done" : `failed (exit ${code})`} in ${seconds} s`);
  return code;
}

// Reinstall after an sst upgrade too, or infra would be checked against the old version's types.
const installedVersion = existsSync(platformVersionFile)
  ? readFileSync(platformVersionFile, "utf8").trim()
  : "";
if (existsSync(platformTypes) && installedVersion === sstVersion) {
  console.log(`typecheck:infra: SST ${sstVersion} platform types present, skipping sst install`);
} else {
  // Without the first three the CLI tries to download Pulumi and Bun, which fails offline. The CLI
  // refuses to run without a stage, though the types it installs are the same for every stage.
  const installCode = await step(
    `sst install of SST ${sstVersion} (once per sst version: about 75 s and 300 MB)`,
    () =>
      run("sst install", bin("sst"), ["install"], {
        SST_SKIP_DEPENDENCY_CHECK: "true",
        SST_NO_BUN: "1",
        SST_TELEMETRY_DISABLED: "1",
        SST_STAGE: process.env.SST_STAGE ?? "typecheck",
      }),
  );
  if (installCode !== 0 || !existsSync(platformTypes)) {
    console.error(
      `typecheck:infra: sst install did not produce ${path.relative(root, platformTypes)}; ` +
        "SST's types are needed to check infra/. See its output above.",
    );
    process.exit(installCode || 1);
  }
}

process.exit(
  await step("tsc -p infra/tsconfig.json", () => run("tsc", bin("tsc"), ["-p", "infra/tsconfig.json"])),
);
