import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "@/e2e/fakes/github/control-client";
import { startFakeGitHub, type FakeGitHub } from "@/e2e/fakes/github/start-fake-github";
import { createGitHubProvider } from "./github-provider";

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

/** An edit's pull request on GitHub (the fake, checked against GitHub's description): a modified file and a deleted one in one commit. */
describe("the GitHub provider with deletions", () => {
  let root: string;
  let fake: FakeGitHub;
  let upstream: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "berth-github-delete-"));
    const work = path.join(root, "seed");
    git(root, "init", "-q", "-b", "main", work);
    execFileSync(
      "sh",
      [
        "-c",
        "mkdir -p namespaces/d/a/resources && echo 'kind: Namespace' > namespaces/d/a/00-namespace.yaml && echo 'module {}' > namespaces/d/a/resources/q.tf",
      ],
      { cwd: work },
    );
    git(work, "add", ".");
    git(work, "-c", "user.name=Seed", "-c", "user.email=seed@example.test", "commit", "-q", "-m", "Seed");
    upstream = path.join(root, "upstream.git");
    git(root, "clone", "-q", "--bare", work, upstream);
    fake = await startFakeGitHub({
      org: "acme",
      clientId: "id",
      clientSecret: "secret",
      repo: { owner: "acme", name: "environments", bareRepoPath: upstream },
    });
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("writes a tree entry with sha null for a deleted file, beside a modified one", async () => {
    const control = controlClient(fake.url);
    await control.putUser({ login: "berth-bot", teams: [], orgMember: true });
    const token = await control.token("berth-bot", ["repo"]);
    const provider = createGitHubProvider({ apiUrl: fake.apiUrl, auth: token, owner: "acme", repo: "environments", baseBranch: "main" });
    const opened = await provider.openPullRequest({
      branch: "berth/edit-remove-a-1",
      title: "Remove resources from a",
      body: "b",
      commitMessage: "Remove resources from a",
      files: [
        { path: "namespaces/d/a/00-namespace.yaml", content: "kind: Namespace # edited\n" },
        { path: "namespaces/d/a/resources/q.tf", content: null },
      ],
      labels: [],
      reviewerTeams: [],
    });
    expect(opened.number).toBeGreaterThan(0);
    expect(git(upstream, "diff", "--name-status", "main", "berth/edit-remove-a-1").split("\n")).toEqual([
      "M\tnamespaces/d/a/00-namespace.yaml",
      "D\tnamespaces/d/a/resources/q.tf",
    ]);
    expect(fake.violations()).toEqual([]);
  });

  it("re-applies onto a newer main: the commit holds main's tree with the edit and has the branch and main as parents", async () => {
    const control = controlClient(fake.url);
    await control.putUser({ login: "berth-bot", teams: [], orgMember: true });
    const token = await control.token("berth-bot", ["repo"]);
    const provider = createGitHubProvider({ apiUrl: fake.apiUrl, auth: token, owner: "acme", repo: "environments", baseBranch: "main" });
    const opened = await provider.openPullRequest({
      branch: "berth/edit-metadata-a-2",
      title: "Edit a",
      body: "b",
      commitMessage: "Edit a",
      files: [{ path: "namespaces/d/a/00-namespace.yaml", content: "kind: Namespace # slack\n" }],
      labels: [],
      reviewerTeams: [],
    });
    // Main moves on GitHub, outside Berth: a commit that changes the same file and adds another (built in a scratch index).
    const index = { ...process.env, GIT_INDEX_FILE: path.join(root, "main-moves.index") };
    const inUpstream = (args: string[], input?: string) => execFileSync("git", args, { cwd: upstream, env: index, input, encoding: "utf8" }).trim();
    inUpstream(["read-tree", "main"]);
    for (const [file, content] of [
      ["namespaces/d/a/00-namespace.yaml", "kind: Namespace # main\n"],
      ["namespaces/d/b.yaml", "other\n"],
    ]) {
      inUpstream(["update-index", "--add", "--cacheinfo", `100644,${inUpstream(["hash-object", "-w", "--stdin"], content)},${file}`]);
    }
    const main = inUpstream(["-c", "user.name=o", "-c", "user.email=o@x", "commit-tree", inUpstream(["write-tree"]), "-p", "main", "-m", "main moves"]);
    git(upstream, "update-ref", "refs/heads/main", main);
    const head = await provider.updatePullRequest({
      branch: "berth/edit-metadata-a-2",
      files: [{ path: "namespaces/d/a/00-namespace.yaml", content: "kind: Namespace # slack, again\n" }],
      removed: [],
      message: "Re-apply",
      expectedHead: opened.headSha,
      base: main,
    });
    expect(git(upstream, "rev-list", "--parents", "-n", "1", head)).toBe(`${head} ${opened.headSha} ${main}`);
    expect(git(upstream, "ls-tree", "-r", "--name-only", head).split("\n")).toEqual([
      "namespaces/d/a/00-namespace.yaml",
      "namespaces/d/a/resources/q.tf",
      "namespaces/d/b.yaml",
    ]);
    expect(git(upstream, "show", `${head}:namespaces/d/a/00-namespace.yaml`)).toBe("kind: Namespace # slack, again");
    // Against the new main the pull request holds the edit and nothing else.
    expect(git(upstream, "diff", "--name-only", main, head)).toBe("namespaces/d/a/00-namespace.yaml");
    expect(fake.violations()).toEqual([]);
  });
});
