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

test("a bad setting stops the server with a message naming it", async () => {
  const bad = await startWith({ DATABASE_URL: "mysql://db/berth" });
  expect(bad.code).not.toBe(0);
  expect(bad.output).toContain("Berth cannot start: Invalid setting DATABASE_URL");
});

test("a path that is not an environments repository stops the server", async () => {
  const bad = await startWith({ DATABASE_URL: "", BERTH_ENVIRONMENTS_REPO: E2E_ROOT });
  expect(bad.code).not.toBe(0);
  expect(bad.output).toContain("Invalid setting BERTH_ENVIRONMENTS_REPO");
});
