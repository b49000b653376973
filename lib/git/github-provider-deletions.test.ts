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
});
