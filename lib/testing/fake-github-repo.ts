import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { controlClient } from "@/e2e/fakes/github/control-client";
import { startFakeGitHub, type FakeGitHub } from "@/e2e/fakes/github/start-fake-github";
import { generateSampleRepo } from "@/lib/environments/sample/generate-sample-repo";

export interface FakeGitHubRepo {
  root: string;
  fake: FakeGitHub;
  control: ReturnType<typeof controlClient>;
  /** A token of `bot` (repo scope): Berth's bot. */
  botToken: string;
  /** A token of `rita`, a member who may review. */
  reviewerToken: string;
  /** Berth's settings for the GitHub provider against this fake (its data and clone under `root`), with `more` added. */
  settings(more?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

/**
 * The fake GitHub hosting acme/environments, seeded with a small sample
 * environments repository, and `moreRepos` (acme/<name>, one README on main
 * each); a bot and a reviewer.
 */
export async function startFakeGitHubRepo(namespaces = 5, moreRepos: string[] = []): Promise<FakeGitHubRepo> {
  const root = mkdtempSync(path.join(tmpdir(), "berth-github-cost-"));
  const work = path.join(root, "seed");
  await generateSampleRepo({ dir: work, namespaces, seed: 7 });
  execFileSync("git", ["clone", "-q", "--bare", work, path.join(root, "upstream.git")]);
  for (const name of moreRepos) seedRepo(root, name);
  const fake = await startFakeGitHub({
    org: "acme",
    clientId: "id",
    clientSecret: "secret",
    repo: { owner: "acme", name: "environments", bareRepoPath: path.join(root, "upstream.git") },
    moreRepos: moreRepos.map((name) => ({ owner: "acme", name, bareRepoPath: path.join(root, `${name}.git`) })),
  });
  const control = controlClient(fake.url);
  await control.putUser({ login: "bot", teams: [], orgMember: true });
  await control.putUser({ login: "rita", teams: ["webops"], orgMember: true });
  const botToken = await control.token("bot", ["repo"]);
  return {
    root,
    fake,
    control,
    botToken,
    reviewerToken: await control.token("rita", ["repo"]),
    settings: (more = {}) => ({
      BERTH_DATA_DIR: path.join(root, "data"),
      BERTH_ENVIRONMENTS_REPO: path.join(root, "clone.git"),
      BERTH_GIT_PROVIDER: "github",
      GITHUB_ENVIRONMENTS_REPO: "acme/environments",
      GITHUB_API_URL: fake.apiUrl,
      GITHUB_WEB_URL: fake.url,
      GITHUB_BOT_TOKEN: botToken,
      ...more,
    }),
    close: async () => {
      await fake.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A bare repository `<root>/<name>.git` whose main branch holds one README commit. */
export function seedRepo(root: string, name: string): void {
  const work = path.join(root, `${name}-seed`);
  const git = (...args: string[]) => execFileSync("git", ["-C", work, ...args]);
  execFileSync("git", ["init", "-q", "-b", "main", work]);
  writeFileSync(path.join(work, "README.md"), `# ${name}\n`);
  git("add", "README.md");
  git("-c", "user.name=Seed", "-c", "user.email=seed@example.org", "commit", "-q", "-m", "Start");
  execFileSync("git", ["clone", "-q", "--bare", work, path.join(root, `${name}.git`)]);
}
