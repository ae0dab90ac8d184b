import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

/** A dedicated port (not 3000) so the tests never talk to someone's dev stack; all ports derive from it. */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
/**
 * The stack's fresh data directory, chosen once by the runner and inherited by its workers through the
 * environment (each re-reads this file), so tests can find the stack's control API (control.json).
 */
process.env.TIFFIN_E2E_DATA_DIR ??= join(tmpdir(), `tiffin-e2e-${process.pid}`);
const dataDir = process.env.TIFFIN_E2E_DATA_DIR;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests",
  testMatch: "**/*.e2e.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "../.ci-results/playwright.json" }]]
    : [["list"]],
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    { name: "mobile", use: { ...devices["Pixel 7"], launchOptions: chromium } },
  ],
  webServer: {
    // The whole local platform, exactly as a user starts it, on fresh data.
    command: "npm start",
    cwd: "..",
    url: `${baseURL}/`,
    env: {
      PORT: String(PORT),
      TIFFIN_DATA_DIR: dataDir,
      // A ticket nobody answers is rejected after 1 minute (10 by default): the auto-reject test waits for it.
      TICKET_ANSWER_MINUTES: "1",
    },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
