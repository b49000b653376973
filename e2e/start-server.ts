/**
 * Starts the production build of Berth for the e2e suite on its own generated
 * environments repository and embedded database, so a run never touches the
 * developer's .berth folder. Run `next build` first (the test command does).
 *
 *   tsx e2e/start-server.ts github   Berth signing in with the fake GitHub
 *   tsx e2e/start-server.ts local    Berth as the embedded demo (local sign-in)
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { generateSampleRepo } from "../lib/environments/sample/generate-sample-repo";
import { E2E_ROOT } from "./fixtures/paths";
import { AUTH_SECRET, FAKE_GITHUB_URL, GITHUB_MODE_PORT, LOCAL_MODE_PORT, OAUTH_CLIENT, ORG, REVIEWER_TEAM } from "./fixtures/servers";

const mode = process.argv[2] === "local" ? "local" : "github";
const port = mode === "local" ? LOCAL_MODE_PORT : GITHUB_MODE_PORT;
const root = path.join(E2E_ROOT, mode);

const modeSettings: Record<string, string> =
  mode === "github"
    ? {
        GITHUB_CLIENT_ID: OAUTH_CLIENT.id,
        GITHUB_CLIENT_SECRET: OAUTH_CLIENT.secret,
        // GitHub Enterprise Server layout: the API under /api/v3, so the base URL settings are exercised.
        GITHUB_API_URL: `${FAKE_GITHUB_URL}/api/v3`,
        GITHUB_WEB_URL: FAKE_GITHUB_URL,
        GITHUB_ORG: ORG,
      }
    : { BERTH_LOCAL_SIGNIN: "true", BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: "true" };

async function main(): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  const repo = path.join(root, "environments");
  await generateSampleRepo({ dir: repo, namespaces: 300, seed: 7, now: new Date() });
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: AUTH_SECRET,
      BERTH_REVIEWER_TEAMS: REVIEWER_TEAM,
      BERTH_ENVIRONMENTS_REPO: repo,
      BERTH_DATA_DIR: path.join(root, "data"),
      BERTH_INDEX_REFRESH_SECONDS: "1",
      ...modeSettings,
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 1));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
