/**
 * Starts the production build of Berth for the e2e suite on its own generated
 * environments repository and embedded database, so a run never touches the
 * developer's .berth folder. Run `next build` first (the test command does).
 *
 *   tsx e2e/start-server.ts github   Berth signing in with the fake GitHub
 *   tsx e2e/start-server.ts local    Berth as the embedded demo (local sign-in)
 *   tsx e2e/start-server.ts pr       Berth opening pull requests on the fake GitHub
 *
 * Each Berth watches its own sample cluster (`berth sample-cluster`), whose
 * control API lets specs restart pods, apply namespaces and cause outages.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { generateSampleRepo } from "../lib/environments/sample/generate-sample-repo";
import { E2E_ROOT } from "./fixtures/paths";
import { controlClient } from "./fakes/github/control-client";
import {
  AUTH_SECRET,
  BOT_APP,
  ENVIRONMENTS_REPO,
  FAKE_GITHUB_URL,
  GITHUB_MODE_PORT,
  LOCAL_MODE_PORT,
  OAUTH_CLIENT,
  ORG,
  PR_MODE_PORT,
  REVIEWER_TEAM,
  SAMPLE_CLUSTER_PORTS,
  UPSTREAM_REPO,
  WEBHOOK_SECRET,
} from "./fixtures/servers";

const mode = process.argv[2] === "local" ? "local" : process.argv[2] === "pr" ? "pr" : "github";
const port = { local: LOCAL_MODE_PORT, github: GITHUB_MODE_PORT, pr: PR_MODE_PORT }[mode];
const root = path.join(E2E_ROOT, mode);

const githubSignIn = {
  GITHUB_CLIENT_ID: OAUTH_CLIENT.id,
  GITHUB_CLIENT_SECRET: OAUTH_CLIENT.secret,
  // GitHub Enterprise Server layout: the API under /api/v3, so the base URL settings are exercised.
  GITHUB_API_URL: `${FAKE_GITHUB_URL}/api/v3`,
  GITHUB_WEB_URL: FAKE_GITHUB_URL,
  GITHUB_ORG: ORG,
};

/** Berth's bot (a GitHub App of the fake GitHub), and the fake told where to deliver webhooks. */
async function pullRequestSettings(): Promise<Record<string, string>> {
  for (let i = 0; ; i++) {
    const up = await fetch(`${FAKE_GITHUB_URL}/_fake/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 600) throw new Error("the fake GitHub did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const github = controlClient(FAKE_GITHUB_URL);
  // The reviewer team exists on GitHub before Berth asks it to review (GitHub refuses unknown teams).
  await github.putUser({ login: "platform-reviewer", name: "Platform reviewer", teams: [REVIEWER_TEAM], orgMember: true });
  const hook = await fetch(`${FAKE_GITHUB_URL}/_fake/webhook`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: `http://127.0.0.1:${PR_MODE_PORT}/api/webhooks/github`, secret: WEBHOOK_SECRET }),
  });
  if (!hook.ok) throw new Error(`setting the webhook failed: ${hook.status}`);
  return {
    ...githubSignIn,
    BERTH_GIT_PROVIDER: "github",
    GITHUB_ENVIRONMENTS_REPO: `${ORG}/${ENVIRONMENTS_REPO}`,
    // The bot is a GitHub App (production's option), its key read from a file.
    GITHUB_APP_ID: String(BOT_APP.id),
    GITHUB_APP_INSTALLATION_ID: String(BOT_APP.installationId),
    GITHUB_APP_PRIVATE_KEY_FILE: BOT_APP.privateKeyFile,
    GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
    // The fake's repository is private, as many environments repositories are.
    GITHUB_REVIEW_SCOPE: "repo",
    BERTH_POLL_SECONDS: "5",
  };
}

async function main(): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  const repo = path.join(root, "environments");
  if (mode !== "pr") await generateSampleRepo({ dir: repo, namespaces: 300, seed: 7, now: new Date() });
  const modeSettings: Record<string, string> =
    mode === "github"
      ? githubSignIn
      : mode === "pr"
        ? await pullRequestSettings()
        : { BERTH_LOCAL_SIGNIN: "true", BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: "true" };
  const kubeconfig = await startSampleCluster(mode === "pr" ? UPSTREAM_REPO : repo);
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
      BERTH_KUBECONFIG: kubeconfig,
      ...modeSettings,
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 1));
}

/** Starts `berth sample-cluster` for the repository and waits for it; returns its kubeconfig. */
async function startSampleCluster(repo: string): Promise<string> {
  const port = SAMPLE_CLUSTER_PORTS[mode];
  const kubeconfig = path.join(root, "kubeconfig");
  const cluster = spawn(
    path.resolve("node_modules/.bin/tsx"),
    [
      ...["lib/cli/main.ts", "sample-cluster", "--repo", repo, "--port", String(port), "--kubeconfig", kubeconfig],
      // The demo's Berth: its sample cluster plays the apply pipeline, as in `npm run demo`.
      ...(mode === "local" ? ["--apply-seconds", "6"] : []),
    ],
    { stdio: "inherit" },
  );
  process.on("exit", () => cluster.kill());
  for (let i = 0; ; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/_sample/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return kubeconfig;
    if (i > 600 || cluster.exitCode !== null) throw new Error("the sample cluster did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
