import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { serviceNames } from "@tiffin/aws/topology";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/config";

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    if (entry === "node_modules" || entry === ".next") return [];
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx|mts)$/.test(entry) ? [path] : [];
  });

/** Every module specifier a file imports or re-exports, with whether the import is type-only. */
const importsOf = (file: string) =>
  [
    ...readFileSync(file, "utf8").matchAll(
      /^\s*(import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm,
    ),
  ]
    .map((m) => ({ specifier: m[3] ?? "", typeOnly: Boolean(m[2]) }))
    .concat(
      [...readFileSync(file, "utf8").matchAll(/import\(\s*[`"']([^`"']+)[`"']\s*\)/g)].map((m) => ({
        specifier: m[1] ?? "",
        typeOnly: false,
      })),
    );

const violations = (files: string[], forbidden: (specifier: string, typeOnly: boolean) => boolean) =>
  files.flatMap((file) =>
    importsOf(file)
      .filter((i) => forbidden(i.specifier, i.typeOnly))
      .map((i) => `${relative(repoRoot, file)} imports ${i.specifier}`),
  );

describe("service boundaries", () => {
  it.each(serviceNames)("the %s service imports no other service's package", (service) => {
    const others = serviceNames.filter((s) => s !== service);
    const files = sourceFiles(join(repoRoot, "packages", service));
    expect(files.length).toBeGreaterThan(5);
    const bad = violations(files, (spec) =>
      others.some(
        (o) => spec === `@tiffin/${o}` || spec.startsWith(`@tiffin/${o}/`) || spec.includes(`/${o}/src`),
      ),
    );
    expect(bad).toEqual([]);
  });

  it.each(serviceNames)("the %s domain code imports no AWS SDK, SST or tRPC", (service) => {
    const files = sourceFiles(join(repoRoot, "packages", service, "src", "domain"));
    const bad = violations(files, (spec) =>
      /^(@aws-sdk\/|sst$|@trpc\/|@tiffin\/aws|@tiffin\/kit$|@tiffin\/kit\/lambda)/.test(spec),
    );
    expect(bad).toEqual([]);
  });

  it("the web app imports services only as types (no server code in the browser bundle)", () => {
    const files = sourceFiles(join(repoRoot, "apps", "web", "src"));
    const bad = violations(
      files,
      (spec, typeOnly) =>
        !typeOnly && serviceNames.some((s) => spec === `@tiffin/${s}` || spec.startsWith(`@tiffin/${s}/`)),
    );
    expect(bad).toEqual([]);
  });

  it("detects a violation when there is one (the check itself can fail)", () => {
    const dir = mkdtempSync(join(tmpdir(), "tiffin-arch-"));
    const fake = join(dir, "violating.ts");
    writeFileSync(fake, 'import { createRestaurantsRouter } from "@tiffin/restaurants/router";\n');
    expect(violations([fake], (spec) => spec.startsWith("@tiffin/restaurants"))).not.toEqual([]);
  });
});
