/**
 * What the two README commands need from the machine besides npm packages: Java 17+ for DynamoDB Local
 * (`npm start`, and the integration tests) and Chromium for the Playwright tests (`npm test`). Where one
 * is missing and this user may install packages (root, with apt-get), it is installed, as a visible step;
 * otherwise the start stops and prints the one command that installs it.
 *   tsx packages/local/src/prerequisites.ts java chromium     (the root `pretest` script)
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type LineSink, pipeLines } from "@tiffin/aws/child-processes";
import { javaMajor, StartupError } from "@tiffin/aws/emulators";

export type Need = "java" | "chromium";

/** The machine as the decision sees it; tests pass their own. */
export interface Probes {
  /** First line of `java -version`, or undefined when there is no java. */
  javaVersion(): string | undefined;
  /** The Chromium the browser tests launch (CHROMIUM_PATH, else Debian's). */
  chromiumPath: string;
  fileExists(path: string): boolean;
  hasCommand(name: string): boolean;
  isRoot: boolean;
}

export type Plan =
  | { need: Need; action: "none"; found: string }
  | { need: Need; action: "install"; what: string; packages: string[] }
  | { need: Need; action: "instruct"; what: string; command: string };

const MIN_JAVA = 17;
const packages: Record<Need, string> = { java: "openjdk-17-jre-headless", chromium: "chromium" };
const what: Record<Need, string> = {
  java: `Java ${MIN_JAVA}+ (DynamoDB Local runs on the JVM)`,
  chromium: "Chromium (the browser tests run in it)",
};

/** What to do about one need on this machine. */
export const planPrerequisite = (need: Need, probes: Probes): Plan => {
  if (need === "java") {
    const version = probes.javaVersion();
    const major = javaMajor(version);
    if (version && major !== undefined && major >= MIN_JAVA) return { need, action: "none", found: version };
  } else if (probes.fileExists(probes.chromiumPath)) {
    return { need, action: "none", found: probes.chromiumPath };
  }
  const pkg = packages[need];
  if (probes.hasCommand("apt-get")) {
    if (probes.isRoot) return { need, action: "install", what: what[need], packages: [pkg] };
    const sudo = probes.hasCommand("sudo") ? "sudo " : "";
    return { need, action: "instruct", what: what[need], command: `${sudo}apt-get install -y ${pkg}` };
  }
  return {
    need,
    action: "instruct",
    what: what[need],
    command:
      need === "java"
        ? `install Java ${MIN_JAVA} or newer with your system's package manager, so that \`java -version\` works`
        : "install Chromium and set CHROMIUM_PATH to its binary",
  };
};

export const machineProbes = (env: NodeJS.ProcessEnv = process.env): Probes => ({
  javaVersion: () => {
    const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
    if (probe.error || probe.status !== 0) return undefined;
    return (probe.stderr || probe.stdout).split("\n")[0];
  },
  chromiumPath: env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  fileExists: existsSync,
  hasCommand: (name) => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0,
  isRoot: process.getuid?.() === 0,
});

/** Runs a command with its output shown; resolves with its exit code. */
export type Runner = (command: string, args: string[], env: NodeJS.ProcessEnv) => Promise<number>;

const runVisibly =
  (sink: LineSink): Runner =>
  (command, args, env) =>
    new Promise((resolve) => {
      const child = spawn(command, args, {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      pipeLines(child, (line) => sink(`  ${line}`));
      child.on("error", () => resolve(127));
      child.on("exit", (code) => resolve(code ?? 1));
    });

const missing = (plan: Extract<Plan, { action: "instruct" }>) =>
  new StartupError(
    `${plan.need === "java" ? "Java" : "Chromium"} is missing: ${plan.what}. To fix it, run: ${plan.command}`,
  );

/**
 * Makes sure every need is met, installing what it may. Throws a StartupError naming the one command
 * when it cannot.
 */
export const ensurePrerequisites = async (
  needs: readonly Need[],
  opts: { say: LineSink; probes?: Probes; run?: Runner },
): Promise<void> => {
  const probes = opts.probes ?? machineProbes();
  const run = opts.run ?? runVisibly(opts.say);
  let updated = false;
  for (const need of needs) {
    const plan = planPrerequisite(need, probes);
    if (plan.action === "none") continue;
    if (plan.action === "instruct") throw missing(plan);
    const install = `apt-get install -y ${plan.packages.join(" ")}`;
    opts.say(`${plan.what} is missing: installing it (${install}); this takes a minute or two…`);
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    // A fresh machine's package lists may be empty: refresh them once before the first install.
    if (!updated) {
      updated = true;
      await run("apt-get", ["update", "-qq"], env);
    }
    const code = await run("apt-get", ["install", "-y", "-qq", ...plan.packages], env);
    const after = planPrerequisite(need, probes);
    if (code !== 0 || after.action !== "none") {
      throw new StartupError(
        `Could not install ${plan.what} (apt-get exited with ${code}). Install it yourself with: ${install}`,
      );
    }
    opts.say(`${plan.what}: installed (${after.found}).`);
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const needs = process.argv.slice(2).filter((n): n is Need => n === "java" || n === "chromium");
  try {
    await ensurePrerequisites(needs.length ? needs : ["java", "chromium"], {
      say: (line) => console.log(`prerequisites: ${line}`),
    });
  } catch (error) {
    console.error(`prerequisites: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
