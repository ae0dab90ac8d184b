import { StartupError } from "@tiffin/aws/emulators";
import { describe, expect, it } from "vitest";
import { ensurePrerequisites, type Probes, planPrerequisite } from "../src/prerequisites";

const machine = (overrides: Partial<Probes> & { commands?: string[]; files?: string[] } = {}): Probes => {
  const commands = overrides.commands ?? ["apt-get", "sudo"];
  const files = overrides.files ?? [];
  return {
    javaVersion: () => undefined,
    chromiumPath: "/usr/bin/chromium",
    fileExists: (p) => files.includes(p),
    hasCommand: (c) => commands.includes(c),
    isRoot: false,
    ...overrides,
  };
};
const java17 = () => 'openjdk version "17.0.15" 2025-04-15';

describe("what a fresh machine needs", () => {
  it("does nothing when Java 17+ and Chromium are there", () => {
    const m = machine({ javaVersion: java17, files: ["/usr/bin/chromium"] });
    expect(planPrerequisite("java", m)).toEqual({ need: "java", action: "none", found: java17() });
    expect(planPrerequisite("chromium", m)).toMatchObject({ action: "none", found: "/usr/bin/chromium" });
  });

  it("installs a missing Java with apt-get when the user is root", () => {
    expect(planPrerequisite("java", machine({ isRoot: true }))).toMatchObject({
      action: "install",
      packages: ["openjdk-17-jre-headless"],
    });
  });

  it("treats a Java older than 17 as missing", () => {
    const old = machine({ isRoot: true, javaVersion: () => 'java version "1.8.0_392"' });
    expect(planPrerequisite("java", old)).toMatchObject({ action: "install" });
    const eleven = machine({ isRoot: true, javaVersion: () => 'openjdk version "11.0.2" 2019-01-15' });
    expect(planPrerequisite("java", eleven)).toMatchObject({ action: "install" });
  });

  it("prints the one sudo command for a user who is not root", () => {
    expect(planPrerequisite("java", machine())).toMatchObject({
      action: "instruct",
      command: "sudo apt-get install -y openjdk-17-jre-headless",
    });
    expect(planPrerequisite("chromium", machine())).toMatchObject({
      action: "instruct",
      command: "sudo apt-get install -y chromium",
    });
    expect(planPrerequisite("chromium", machine({ commands: ["apt-get"] }))).toMatchObject({
      command: "apt-get install -y chromium",
    });
  });

  it("says what to install where there is no apt-get", () => {
    expect(planPrerequisite("java", machine({ isRoot: true, commands: [] }))).toMatchObject({
      action: "instruct",
      command: expect.stringContaining("Java 17 or newer"),
    });
  });

  it("looks for Chromium where CHROMIUM_PATH says", () => {
    const m = machine({ chromiumPath: "/opt/chrome/chrome", files: ["/usr/bin/chromium"] });
    expect(planPrerequisite("chromium", m)).toMatchObject({ action: "instruct" });
  });
});

describe("ensurePrerequisites", () => {
  it("refreshes the package lists once, installs, shows the step and checks again", async () => {
    const installed = new Set<string>();
    const ran: string[] = [];
    const said: string[] = [];
    await ensurePrerequisites(["java", "chromium"], {
      say: (l) => said.push(l),
      probes: machine({
        isRoot: true,
        javaVersion: () => (installed.has("openjdk-17-jre-headless") ? java17() : undefined),
        fileExists: () => installed.has("chromium"),
      }),
      run: async (command, args) => {
        ran.push([command, ...args].join(" "));
        if (args[0] === "install") installed.add(args.at(-1) ?? "");
        return 0;
      },
    });
    expect(ran).toEqual([
      "apt-get update -qq",
      "apt-get install -y -qq openjdk-17-jre-headless",
      "apt-get install -y -qq chromium",
    ]);
    expect(said[0]).toMatch(
      /Java 17\+ .* is missing: installing it \(apt-get install -y openjdk-17-jre-headless\)/,
    );
  });

  it("stops with 'Java is missing' and the command when it may not install", async () => {
    const run = async () => {
      throw new Error("must not run anything");
    };
    const refusal = ensurePrerequisites(["java"], { say: () => undefined, probes: machine(), run });
    await expect(refusal).rejects.toBeInstanceOf(StartupError);
    await expect(refusal).rejects.toThrow(
      /^Java is missing: .* run: sudo apt-get install -y openjdk-17-jre-headless$/,
    );
  });

  it("stops with the command when the install fails", async () => {
    const refusal = ensurePrerequisites(["chromium"], {
      say: () => undefined,
      probes: machine({ isRoot: true }),
      run: async (_c, args) => (args[0] === "install" ? 100 : 0),
    });
    await expect(refusal).rejects.toThrow(
      /Could not install Chromium .*exited with 100.*apt-get install -y chromium/,
    );
  });
});
