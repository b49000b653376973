import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_ROOT } from "./fixtures/paths";

/** Starts the production server with the given settings and resolves with how it ended. */
function startWith(settings: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", "0", "-H", "127.0.0.1"], {
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", BERTH_DATA_DIR: path.join(E2E_ROOT, "startup"), ...settings },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

// Each start is a whole production server (on the embedded database, migrated first); on a busy 2-core machine that is more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

const demo = { BERTH_LOCAL_SIGNIN: "true", BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: "true", NEXTAUTH_SECRET: "s".repeat(40) };

test("a bad setting stops the server with a message naming it", async () => {
  const bad = await startWith({ ...demo, DATABASE_URL: "mysql://db/berth" });
  expect(bad.code).not.toBe(0);
  expect(bad.output).toContain("Berth cannot start: Invalid setting DATABASE_URL");
});

test("local sign-in on a production start needs the loud confirmation", async () => {
  const bad = await startWith({ ...demo, BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: "" });
  expect(bad.code).not.toBe(0);
  expect(bad.output).toContain("Invalid setting BERTH_LOCAL_SIGNIN");
});

test("production needs a secret and a way to sign in", async () => {
  const noSecret = await startWith({ GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret", NEXTAUTH_SECRET: "" });
  expect(noSecret.output).toContain("Invalid setting NEXTAUTH_SECRET");
  const noSignIn = await startWith({ NEXTAUTH_SECRET: "s".repeat(40), GITHUB_CLIENT_ID: "", BERTH_LOCAL_SIGNIN: "" });
  expect(noSignIn.output).toContain("Invalid setting GITHUB_CLIENT_ID");
});

test("a path that is not an environments repository stops the server", async () => {
  const bad = await startWith({ ...demo, DATABASE_URL: "", BERTH_ENVIRONMENTS_REPO: E2E_ROOT });
  expect(bad.code).not.toBe(0);
  expect(bad.output).toContain("Invalid setting BERTH_ENVIRONMENTS_REPO");
});
