import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { controlClient } from "@/e2e/fakes/github/control-client";
import { startFakeGitHub, type FakeGitHub } from "@/e2e/fakes/github/start-fake-github";
import { parseEnv } from "@/lib/env";
import type { PullRequestDraft } from "@/lib/git/git-provider";
import type { BotCredential } from "@/lib/git/github-provider";
import { testLogger } from "@/lib/testing/test-logger";
import { createServices, type Services } from "./services";

/**
 * Berth's bot as a GitHub App, wired as in production (settings -> services),
 * against the fake GitHub whose installation tokens expire: opening pull
 * requests, polling them and fetching Berth's clone keep working across an
 * expiry, with one mint per token lifetime shared by the API and git.
 */
const APP_ID = 31337;
const INSTALLATION_ID = 4711;
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const MINT = "apps/create-installation-access-token";

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
describe("the bot as a GitHub App", () => {
  let root: string;
  let fake: FakeGitHub;
  let services: Services;
  let misinstalled: Services;
  const control = () => controlClient(fake.url);
  const mints = async () => (await control().calls()).calls.find((c) => c.operationId === MINT)?.count ?? 0;
  const log = testLogger();

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "berth-github-app-"));
    const work = path.join(root, "seed");
    git(root, "init", "-q", "-b", "main", work);
    execFileSync("sh", ["-c", "mkdir -p namespaces && echo seed > namespaces/README"], { cwd: work });
    git(work, "add", ".");
    git(work, "-c", "user.name=Seed", "-c", "user.email=seed@example.test", "commit", "-q", "-m", "Seed");
    git(root, "clone", "-q", "--bare", work, path.join(root, "upstream.git"));
    fake = await startFakeGitHub({
      org: "acme",
      clientId: "id",
      clientSecret: "secret",
      repo: { owner: "acme", name: "environments", bareRepoPath: path.join(root, "upstream.git") },
      app: { id: APP_ID, installationId: INSTALLATION_ID, publicKey: keys.publicKey.export({ type: "spki", format: "pem" }).toString() },
    });
    const env = parseEnv({
      BERTH_DATA_DIR: path.join(root, "data"),
      BERTH_ENVIRONMENTS_REPO: path.join(root, "clone.git"),
      // Nothing here needs the database; index runs that cannot be recorded are logged.
      DATABASE_URL: "postgresql://berth@127.0.0.1:1/none",
      BERTH_GIT_PROVIDER: "github",
      GITHUB_ENVIRONMENTS_REPO: "acme/environments",
      GITHUB_API_URL: fake.apiUrl,
      GITHUB_WEB_URL: fake.url,
      GITHUB_WEBHOOK_SECRET: "webhook-secret-0123456789",
      GITHUB_APP_ID: String(APP_ID),
      GITHUB_APP_INSTALLATION_ID: String(INSTALLATION_ID),
      // One line with \n escapes, as a Secret often holds it.
      GITHUB_APP_PRIVATE_KEY: keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString().trim().replace(/\n/g, "\\n"),
    });
    services = createServices(env, { log });
    misinstalled = createServices({ ...env, environmentsRepo: path.join(root, "other.git"), githubApp: { ...env.githubApp!, installationId: 1 } }, { log });
  });
  afterAll(async () => {
    await services?.close();
    await misinstalled?.close();
    await fake?.close();
    rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => vi.useRealTimers());

  const draft = (name: string): PullRequestDraft => ({
    branch: `berth/${name}`,
    title: `Namespace ${name}`,
    body: "Opened by Berth",
    commitMessage: `Add ${name}`,
    files: [{ path: `namespaces/${name}/00-namespace.yaml`, content: `name: ${name}\n` }],
    labels: ["berth"],
    reviewerTeams: [],
  });

  it("says which settings to check when the App cannot get a token, at the clone Berth starts with", async () => {
    // First: the later tests move Date forward, and plugin-throttling's queues (one per process) remember it.
    await expect(misinstalled.syncClone()).rejects.toThrow(
      /GitHub App could not get an installation token \(GITHUB_APP_ID 31337, GITHUB_APP_INSTALLATION_ID 1\): Not Found/,
    );
  });

  it("opens, polls and fetches across an installation token's expiry, minting once per token", async () => {
    // Note: only Date is faked, and it keeps flowing; the JWT, auth-app's cache and the fake all read it.
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    await control().setTokenLifetime(600);
    await control().resetCalls();

    const first = await services.git.provider.openPullRequest(draft("orders-dev"));
    expect(first.number).toEqual(expect.any(Number));
    await services.syncClone();
    expect(git(path.join(root, "clone.git"), "rev-parse", "main")).toBe(git(path.join(root, "upstream.git"), "rev-parse", "main"));
    expect(await mints()).toBe(1);
    const stale = await (services.git.provider as unknown as BotCredential).gitToken();

    // Eleven minutes later the ten-minute token is dead on GitHub's side.
    vi.setSystemTime(Date.now() + 11 * 60_000);
    const refused = await fetch(`${fake.apiUrl}/repos/acme/environments`, { headers: { authorization: `token ${stale}` } });
    expect(refused.status).toBe(401);

    const status = await services.git.reader!.getPullRequest(first.number!);
    expect(status).toMatchObject({ number: first.number, state: "open", merged: false });
    const second = await services.git.provider.openPullRequest(draft("payments-dev"));
    expect(second.number).toBe(first.number! + 1);
    await services.syncClone();
    expect(await mints()).toBe(2);
    expect(await (services.git.provider as unknown as BotCredential).gitToken()).not.toBe(stale);
    expect(fake.violations()).toEqual([]);
  });

  it("mints a new token when GitHub revoked the one it holds: for the API, and for the clone's fetch", async () => {
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    await control().setTokenLifetime(3600);
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    const opened = await services.git.provider.openPullRequest(draft("revoked-dev"));
    const bot = services.git.provider as unknown as BotCredential;
    const revoke = async () => {
      const answer = await fetch(`${fake.apiUrl}/installation/token`, { method: "DELETE", headers: { authorization: `token ${await bot.gitToken()}` } });
      expect(answer.status).toBe(204);
    };
    await control().resetCalls();
    // Past auth-app's own 5 s grace for a token GitHub has not replicated yet.
    vi.setSystemTime(Date.now() + 60_000);
    await revoke();
    await expect(services.git.reader!.getPullRequest(opened.number!)).resolves.toMatchObject({ number: opened.number, state: "open" });
    expect(await mints()).toBe(1);
    expect(log.lines.some((line) => line.level === "warn" && line.msg.includes("minting a new one"))).toBe(true);

    await revoke();
    await services.syncClone();
    expect(await mints()).toBe(2);
    expect(fake.violations()).toEqual([]);
  });
});
