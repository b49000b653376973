import { defineConfig, devices } from "@playwright/test";
// Loading servers.ts picks free ports for every server (BERTH_E2E_PORTS), inherited by workers and webServer commands.
import { FAKE_GITHUB_PORT, GITHUB_MODE_PORT, LOCAL_MODE_PORT, PR_MODE_PORT } from "./e2e/fixtures/servers";

const chromium = {
  ...devices["Desktop Chrome"],
  trace: "retain-on-failure" as const,
  launchOptions: {
    // Debian's Chromium; Playwright never downloads a browser of its own here.
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  // Note: CI is a shared 2-core machine running three Berth servers, their sample clusters and two browsers at once;
  // the defaults (30 s a test, 5 s an expectation) fail there on slowness alone. Waits still end as soon as they hold.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  retries: 0,
  globalTeardown: "./e2e/global-teardown.ts",
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  projects: [
    {
      name: "github",
      testIgnore: [
        "**/local-signin.spec.ts",
        "**/requests-local.spec.ts",
        "**/requests-github.spec.ts",
        "**/request-life-local.spec.ts",
        "**/request-life-github.spec.ts",
        "**/edit-life-github.spec.ts",
        "**/edit-conflict-github.spec.ts",
        "**/prototype-github.spec.ts",
        "**/campaign-life-github.spec.ts",
        "**/cluster-outage.spec.ts",
      ],
      use: { ...chromium, baseURL: `http://127.0.0.1:${GITHUB_MODE_PORT}` },
    },
    {
      name: "embedded",
      testMatch: ["**/local-signin.spec.ts", "**/requests-local.spec.ts", "**/request-life-local.spec.ts"],
      use: { ...chromium, baseURL: `http://127.0.0.1:${LOCAL_MODE_PORT}` },
    },
    {
      name: "pull-requests",
      testMatch: [
        "**/requests-github.spec.ts",
        "**/request-life-github.spec.ts",
        "**/edit-life-github.spec.ts",
        "**/edit-conflict-github.spec.ts",
        "**/prototype-github.spec.ts",
        "**/campaign-life-github.spec.ts",
      ],
      use: { ...chromium, baseURL: `http://127.0.0.1:${PR_MODE_PORT}` },
    },
    {
      // An outage of the github server's sample cluster, which every other project's specs read: only once they are done.
      name: "outage",
      testMatch: ["**/cluster-outage.spec.ts"],
      dependencies: ["github", "embedded", "pull-requests"],
      use: { ...chromium, baseURL: `http://127.0.0.1:${GITHUB_MODE_PORT}` },
    },
  ],
  webServer: [
    {
      command: "npx tsx e2e/start-fake.ts",
      url: `http://127.0.0.1:${FAKE_GITHUB_PORT}/_fake/health`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: "npx tsx e2e/start-server.ts github",
      url: `http://127.0.0.1:${GITHUB_MODE_PORT}/signin`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: "npx tsx e2e/start-server.ts local",
      url: `http://127.0.0.1:${LOCAL_MODE_PORT}/signin`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    { command: "npx tsx e2e/start-server.ts pr", url: `http://127.0.0.1:${PR_MODE_PORT}/signin`, timeout: 120_000, reuseExistingServer: false, stdout: "pipe" },
  ],
});
