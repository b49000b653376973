/**
 * Starts the production build of Berth for the e2e suite on its own generated
 * environments repository and embedded database, so a run never touches the
 * developer's .berth folder. Run `next build` first (the test command does).
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { generateSampleRepo } from "../lib/environments/sample/generate-sample-repo";
import { E2E_REPO, E2E_ROOT } from "./fixtures/paths";

const port = process.argv[2] ?? "3107";

async function main(): Promise<void> {
  rmSync(E2E_ROOT, { recursive: true, force: true });
  await generateSampleRepo({ dir: E2E_REPO, namespaces: 300, seed: 7, now: new Date() });
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", port, "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      BERTH_ENVIRONMENTS_REPO: E2E_REPO,
      BERTH_DATA_DIR: path.join(E2E_ROOT, "data"),
      BERTH_INDEX_REFRESH_SECONDS: "1",
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 1));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
