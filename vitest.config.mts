import { defineConfig } from "vitest/config";

const integration = "packages/*/{src,test}/**/*.integration.test.ts";

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
          exclude: [integration, "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: { name: "web", include: ["apps/web/src/**/*.test.ts"] },
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
