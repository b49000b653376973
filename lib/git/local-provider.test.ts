import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLocalProvider } from "./local-provider";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function repoWithMain(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "berth-local-git-"));
  dirs.push(dir);
  const git = (...args: string[]) => execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@x", ...args], { encoding: "utf8" }).trim();
  git("init", "-q", "-b", "main");
  writeFileSync(path.join(dir, "README.md"), "environments\n");
  git("add", ".");
  git("commit", "-q", "-m", "init");
  return dir;
}

const git = (dir: string, ...args: string[]) => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8" }).trim();

const draft = (branch: string, files: Record<string, string | null>) => ({
  branch,
  title: "t",
  body: "b",
  commitMessage: `Add ${branch}`,
  files: Object.entries(files).map(([p, content]) => ({ path: p, content })),
  labels: [],
  reviewerTeams: [],
});

describe("the local git provider", () => {
  it("commits every file on a new branch in one commit, without touching the checkout, and resumes", async () => {
    const repo = repoWithMain();
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    const opened = await provider.openPullRequest(
      draft("berth/req-1", { "namespaces/d/a/00-namespace.yaml": "kind: Namespace\n", "namespaces/d/a/resources/main.tf": "terraform {}\n" }),
    );
    expect(opened).toMatchObject({ number: null, url: null });
    expect(git(repo, "rev-list", "--count", "main..berth/req-1")).toBe("1");
    expect(git(repo, "diff", "--name-only", "main...berth/req-1").split("\n")).toEqual([
      "namespaces/d/a/00-namespace.yaml",
      "namespaces/d/a/resources/main.tf",
    ]);
    expect(existsSync(path.join(repo, "namespaces"))).toBe(false);
    expect(git(repo, "status", "--porcelain")).toBe("");
    const again = await provider.openPullRequest(draft("berth/req-1", { x: "different" }));
    expect(again.headSha).toBe(opened.headSha);
  });

  it("merges while another process merges into the same main: each merge is made again on the main it finds, none is lost", async () => {
    const repo = repoWithMain();
    // Two replicas (their own merge queues) over one repository: their compare-and-swaps on main race.
    const replicas = [createLocalProvider({ repoPath: repo, baseBranch: "main" }), createLocalProvider({ repoPath: repo, baseBranch: "main" })];
    const branches = Array.from({ length: 12 }, (_, i) => `berth/race-${i}`);
    for (const branch of branches)
      await replicas[0]!.openPullRequest(draft(branch, { [`namespaces/d/${branch.slice(6)}/00-namespace.yaml`]: "kind: Namespace\n" }));
    await Promise.all(branches.map((branch, i) => replicas[i % 2]!.mergeBranch(branch, `Merge ${branch}`, null)));
    for (const branch of branches) expect(git(repo, "merge-base", "--is-ancestor", branch, "main")).toBe("");
    expect(git(repo, "ls-tree", "-r", "--name-only", "main").split("\n")).toHaveLength(branches.length + 1);
  });

  it("merges into main even after main moved, and updates the checkout", async () => {
    const repo = repoWithMain();
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    await provider.openPullRequest(draft("berth/req-2", { "namespaces/d/b/00-namespace.yaml": "kind: Namespace\n" }));
    await provider.openPullRequest(draft("berth/req-3", { "namespaces/d/c/00-namespace.yaml": "kind: Namespace\n" }));
    await provider.mergeBranch("berth/req-3", "Merge req-3", null);
    const merge = await provider.mergeBranch("berth/req-2", "Merge req-2", null);
    expect(git(repo, "rev-parse", "main")).toBe(merge);
    expect(git(repo, "ls-tree", "-r", "--name-only", "main")).toContain("namespaces/d/b/00-namespace.yaml");
    expect(readFileSync(path.join(repo, "namespaces/d/c/00-namespace.yaml"), "utf8")).toBe("kind: Namespace\n");
    expect(git(repo, "status", "--porcelain")).toBe("");
  });

  it("refuses a merge that conflicts, leaving main as it was", async () => {
    const repo = repoWithMain();
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    await provider.openPullRequest(draft("berth/a", { "f.yaml": "a\n" }));
    await provider.openPullRequest(draft("berth/b", { "f.yaml": "b\n" }));
    await provider.mergeBranch("berth/a", "Merge a", null);
    const before = git(repo, "rev-parse", "main");
    await expect(provider.mergeBranch("berth/b", "Merge b", null)).rejects.toThrow(/no longer merges cleanly/);
    expect(git(repo, "rev-parse", "main")).toBe(before);
  });

  it("modifies and deletes existing files in the same commit (an edit request)", async () => {
    const repo = repoWithMain();
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    await provider.openPullRequest(
      draft("berth/seed", { "namespaces/d/a/00-namespace.yaml": "kind: Namespace\n", "namespaces/d/a/resources/rds.tf": "module {}\n" }),
    );
    await provider.mergeBranch("berth/seed", "Merge seed", null);
    await provider.openPullRequest(
      draft("berth/edit", { "namespaces/d/a/00-namespace.yaml": "kind: Namespace # edited\n", "namespaces/d/a/resources/rds.tf": null }),
    );
    expect(git(repo, "diff", "--name-status", "main...berth/edit").split("\n")).toEqual([
      "M\tnamespaces/d/a/00-namespace.yaml",
      "D\tnamespaces/d/a/resources/rds.tf",
    ]);
    expect(git(repo, "show", "berth/edit:namespaces/d/a/00-namespace.yaml")).toBe("kind: Namespace # edited");
  });
});
