import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { serviceNames } from "@tiffin/aws/topology";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../src/config";

/*
 * Service boundaries are Biome's job (biome.json `overrides`: noRestrictedImports for static imports,
 * GritQL plugins in biome-plugins/ for `import()` and for the web app's type-only rule, which
 * noRestrictedImports cannot express). The rules name no service: they allow the platform packages, so a
 * new service is covered without touching them. This file checks that the allow-list is every package
 * that is not a registered service, that each rule really fires (Biome run on violating files), and does
 * the one thing Biome cannot: resolving relative imports, which must not leave their package.
 */

const packagesDir = join(repoRoot, "packages");
const workspacePackages = readdirSync(packagesDir).filter((d) =>
  existsSync(join(packagesDir, d, "package.json")),
);
/** What services, the web app and every other package may import: all packages but the services and local mode. */
const platform = workspacePackages.filter(
  (p) => !(serviceNames as readonly string[]).includes(p) && p !== "local",
);

interface RestrictedPattern {
  group: string[];
  message: string;
}
interface Override {
  includes: string[];
  plugins?: string[];
  linter?: { rules?: { style?: { noRestrictedImports?: { options?: { patterns?: RestrictedPattern[] } } } } };
}
const biomeConfig = JSON.parse(readFileSync(join(repoRoot, "biome.json"), "utf8")) as {
  overrides: Override[];
};
const overrideFor = (include: string) => {
  const found = biomeConfig.overrides.find((o) => o.includes.includes(include));
  if (!found) throw new Error(`biome.json has no override for ${include}`);
  return found;
};
const patternsOf = (o: Override) => o.linter?.rules?.style?.noRestrictedImports?.options?.patterns ?? [];
/** The platform packages a `@tiffin/**` group lets through (its `!@tiffin/<name>` entries). */
const allowedBy = (group: string[]) =>
  group.flatMap((entry) => /^!@tiffin\/([^/*]+)$/.exec(entry)?.[1] ?? []).sort();
/** The platform packages a GritQL plugin lets through (its `@tiffin/(?:a|b)` alternation). */
const allowedByPlugin = (file: string) =>
  (/@tiffin\/\(\?:([a-z|-]+)\)/.exec(readFileSync(join(repoRoot, file), "utf8"))?.[1] ?? "")
    .split("|")
    .sort();

/** One file to lint: each line an import, and whether Biome must refuse it. */
type Line = readonly [code: string, refused: boolean];

interface Diagnostic {
  category: string;
  location: { path: string; start: { line: number } };
}
interface Span {
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
const biomeBin = join(repoRoot, "node_modules", ".bin", "biome");

/**
 * Lints files in a scratch copy of the repo's layout, with the repo's biome.json and plugins as they are,
 * and returns, per file, the lines that a boundary rule refused.
 */
const lintScratch = (files: Record<string, readonly Line[]>): Record<string, number[]> => {
  const root = mkdtempSync(join(tmpdir(), "tiffin-boundaries-"));
  try {
    cpSync(join(repoRoot, "biome.json"), join(root, "biome.json"));
    cpSync(join(repoRoot, "biome-plugins"), join(root, "biome-plugins"), { recursive: true });
    for (const [path, lines] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), `${lines.map(([code]) => code).join("\n")}\n`);
    }
    const run = spawnSync(biomeBin, ["lint", "--reporter=json", "."], {
      cwd: root,
      encoding: "utf8",
    });
    const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    const refused: Record<string, number[]> = Object.fromEntries(Object.keys(files).map((f) => [f, []]));
    for (const d of report.diagnostics) {
      if (d.category !== "lint/style/noRestrictedImports" && d.category !== "plugin") continue;
      refused[d.location.path.split(sep).join("/")]?.push(d.location.start.line);
    }
    // One import may be refused by more than one rule (or a plugin match twice): lines, once each, in order.
    for (const lines of Object.values(refused))
      lines.splice(0, lines.length, ...new Set(lines.sort((a, b) => a - b)));
    return refused;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
};

/** The 1-based lines of `lines` that must be refused. */
const expectedRefusals = (lines: readonly Line[]) =>
  lines.flatMap(([, refused], i) => (refused ? [i + 1] : []));

const scratch: Record<string, readonly Line[]> = {};
for (const service of serviceNames) {
  const others = serviceNames.filter((s) => s !== service);
  scratch[`packages/${service}/src/messaging/crossing.ts`] = [
    ...others.flatMap((o): Line[] => [
      [`import "@tiffin/${o}";`, true],
      [`import "@tiffin/${o}/router";`, true],
      [`export * from "@tiffin/${o}/handlers/api";`, true],
      [`export const lazy${o} = () => import("@tiffin/${o}/handlers/api");`, true],
    ]),
    [`import "@tiffin/local";`, true],
    ...platform.map((p): Line => [`import "@tiffin/${p}";`, false]),
    [`import "@aws-sdk/client-dynamodb";`, false],
  ];
  scratch[`packages/${service}/src/domain/impure.ts`] = [
    [`import "@aws-sdk/client-dynamodb";`, true],
    [`import "@aws-sdk/lib-dynamodb";`, true],
    [`import "sst";`, true],
    [`import "@trpc/server";`, true],
    [`import "@tiffin/aws";`, true],
    [`import "@tiffin/aws/topology";`, true],
    [`import "@tiffin/kit";`, true],
    [`import "@tiffin/kit/lambda";`, true],
    [`import "@tiffin/outbox/dynamo";`, true],
    ...others.map((o): Line => [`import "@tiffin/${o}";`, true]),
    [`export const lazy = () => import("@tiffin/${others[0]}/handlers/api");`, true],
    [`import "@tiffin/contracts";`, false],
    [`import "@tiffin/kit/domain-error";`, false],
    [`import "@tiffin/outbox";`, false],
    [`import "zod";`, false],
    [`import "./ports";`, false],
  ];
}
scratch["packages/kit/src/leak.ts"] = serviceNames.map((s): Line => [`import "@tiffin/${s}/router";`, true]);
scratch["packages/local/src/host.ts"] = serviceNames.map(
  (s): Line => [`import "@tiffin/${s}/handlers/api";`, false],
);
scratch["apps/web/src/app/page.tsx"] = serviceNames.flatMap((s): Line[] => [
  [`import type { Router as Router_${s} } from "@tiffin/${s}";`, false],
  [`export type { Router as Exported_${s} } from "@tiffin/${s}";`, false],
  [`import { createRouter as create_${s} } from "@tiffin/${s}/router";`, true],
  [`import { type Router as Inline_${s} } from "@tiffin/${s}";`, true],
  [`import "@tiffin/${s}/handlers/api";`, true],
  [`export { handler as handler_${s} } from "@tiffin/${s}/handlers/api";`, true],
  [`export const lazy${s} = () => import("@tiffin/${s}/handlers/api");`, true],
]);
scratch["apps/web/src/app/platform.ts"] = platform.map(
  (p): Line => [`import { x as ${p} } from "@tiffin/${p}";`, false],
);

describe("service boundaries (biome.json)", () => {
  let refused: Record<string, number[]> = {};
  // Biome runs as a child process; on a busy machine that takes seconds.
  beforeAll(() => {
    refused = lintScratch(scratch);
  }, 60_000);

  it("allow exactly the platform packages: every package that is neither a registered service nor local", () => {
    expect(platform.length).toBeGreaterThan(2);
    const services = overrideFor("packages/**");
    const domain = overrideFor("packages/*/src/domain/**");
    // A later override replaces a rule's options rather than adding to them, so the domain's rule repeats
    // the service group: both must allow the same packages.
    for (const override of [services, domain]) {
      const group = patternsOf(override).find((p) => p.group.includes("@tiffin/**"))?.group ?? [];
      expect(allowedBy(group)).toEqual([...platform].sort());
    }
    expect(services.includes).toContain("!packages/local/**");
    for (const plugin of [...(services.plugins ?? []), ...(overrideFor("apps/web/**").plugins ?? [])]) {
      expect(allowedByPlugin(plugin), plugin).toEqual([...platform].sort());
    }
  });

  it.each(Object.keys(scratch))("refuse exactly the marked imports in %s", (file) => {
    expect(refused[file]).toEqual(expectedRefusals(scratch[file] ?? []));
  });
});

/**
 * Every import, re-export or `import()` of a relative path, found by Biome's own parser (GritQL search),
 * so an import written inside a string or template (new-service.ts writes whole files) is not one.
 */
const RELATIVE_IMPORTS = `or {
  \`import $_ from $source\`,
  \`import $source\`,
  \`export { $_ } from $source\`,
  \`export * from $source\`,
  \`export * as $_ from $source\`,
  \`import($source)\`
} where { $source <: r"[\\"'\`]\\.\\.?/.*" }`;

const relativeImports = (cwd: string, paths: string[]) => {
  const run = spawnSync(
    biomeBin,
    ["search", "--reporter=json", "--max-diagnostics=none", RELATIVE_IMPORTS, ...paths],
    { cwd, encoding: "utf8" },
  );
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: (Diagnostic & Span)[] };
  return diagnostics.map(({ location }) => {
    const file = resolve(cwd, location.path);
    const lines = readFileSync(file, "utf8")
      .split("\n")
      .slice(location.start.line - 1, location.end.line);
    const statement = lines.join("\n").slice(location.start.column - 1);
    return { file, specifier: /(["'`])(\.{1,2}\/[^"'`]*)\1/.exec(statement)?.[2] ?? statement };
  });
};

/** Relative imports under `root`'s packages/ that resolve outside their own package. */
const escapes = (root: string) => {
  const found = relativeImports(root, ["packages"]);
  // A search that silently found nothing would make every package look clean.
  if (found.length === 0) throw new Error(`biome search found no relative import under ${root}/packages`);
  return found
    .filter(({ file, specifier }) => {
      const own = join(root, "packages", relative(join(root, "packages"), file).split(sep)[0] ?? "");
      return !resolve(dirname(file), specifier).startsWith(own + sep);
    })
    .map(({ file, specifier }) => `${relative(root, file)} imports ${specifier}`);
};

describe("relative imports (what Biome cannot resolve)", () => {
  it("never leave their package", { timeout: 60_000 }, () => {
    expect(escapes(repoRoot)).toEqual([]);
  });

  const scratchDir = mkdtempSync(join(tmpdir(), "tiffin-relative-"));
  afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

  it("are caught when they do (the check itself can fail)", { timeout: 30_000 }, () => {
    const file = join(scratchDir, "packages", "orders", "src", "leak.ts");
    mkdirSync(dirname(file), { recursive: true });
    const outside = "../../restaurants/src/router";
    writeFileSync(
      file,
      `import { x } from "./ok";\nimport { y } from "${outside}";\nexport const files = \`import { z } from "../../../elsewhere";\`;\n`,
    );
    expect(escapes(scratchDir)).toEqual([`packages/orders/src/leak.ts imports ${outside}`]);
  });
});
