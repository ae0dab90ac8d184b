import { serviceNames } from "@tiffin/aws/topology";
import { issuerUrl, localConfig } from "./config";
import { ensurePrerequisites } from "./prerequisites";
import { prefixer } from "./processes";
import { startStack } from "./stack";

const say = prefixer("tiffin");

const start = async (web: boolean) => {
  const parent = process.ppid;
  const cfg = localConfig();
  const started = Date.now();
  say(`Starting Tiffin locally (data in ${cfg.dataDir})`);
  let stack: Awaited<ReturnType<typeof startStack>>;
  try {
    await ensurePrerequisites(["java"], { say });
    stack = await startStack(cfg, { web });
  } catch (err) {
    say(`Could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const base = `http://127.0.0.1:${cfg.port}`;
  say(`Tiffin is ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  say(`  Customer site         ${base}/`);
  say(`  Restaurant dashboard  ${base}/restaurant`);
  say(`  APIs                  ${serviceNames.map((s) => `${base}/trpc/${s}`).join("  ")}`);
  say(`  Sign-in (issuer)      ${issuerUrl(cfg)}`);
  say(`  Dev mailbox (codes)   ${issuerUrl(cfg)}/dev/mailbox`);
  say(
    "  Demo accounts         customer@tiffin.test, owner@bombay.tiffin.test, … (password tiffin-demo-pass)",
  );
  say(
    `  Control API           http://127.0.0.1:${cfg.controlPort} (npm run service -- status | stop <service> | start <service>)`,
  );
  say("Press Ctrl-C to stop.");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping every process…`);
    await stack.stop();
    say("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGHUP", () => void shutdown("SIGHUP"));
  // `npm start` killed with -9 cannot pass anything on: notice that our parent is gone, and stop.
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(`parent process ${parent} is gone`);
  }, 1000).unref();
};

const command = process.argv[2];
if (command === "start") await start(!process.argv.includes("--api-only"));
else {
  console.error("usage: cli.ts start [--api-only]");
  process.exit(2);
}
