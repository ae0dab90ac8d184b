import { defineConfig } from "vitest/config";

const integration = "packages/*/{src,test}/**/*.integration.test.ts";
const system = "packages/*/test/**/*.system.test.ts";

export default defineConfig({
  test: {
    // Handlers log structured JSON; tests assert on behaviour, so keep their output readable.
    env: { LOG_LEVEL: "SILENT" },
    // CI sums every runner's counts from these files (see .ci/run).
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: ".ci-results/vitest.json" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/{src,test}/**/*.test.ts"],
          exclude: [integration, system, "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: { name: "web", include: ["apps/web/src/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "system",
          include: ["packages/*/test/**/*.system.test.ts"],
          globalSetup: ["packages/local/test/system-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: [integration],
          globalSetup: ["packages/aws/src/testing/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
