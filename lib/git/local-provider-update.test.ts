import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BranchMovedError } from "./git-provider";
import { createLocalProvider } from "./local-provider";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@x", ...args], { encoding: "utf8" }).trim();

function repoWithMain(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "berth-local-update-"));
  dirs.push(dir);
  git(dir, "init", "-q", "-b", "main");
  writeFileSync(path.join(dir, "README.md"), "environments\n");
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "init");
  return dir;
}

const draft = (files: Record<string, string>) => ({
  branch: "berth/req-1",
  title: "t",
  body: "b",
  commitMessage: "Add",
  files: Object.entries(files).map(([p, content]) => ({ path: p, content })),
  labels: [],
  reviewerTeams: [],
});

describe("a revision with the local git provider", () => {
  it("adds one commit on top of the head Berth wrote: files written, dropped files removed, the rest kept", async () => {
    const repo = repoWithMain();
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    const opened = await provider.openPullRequest(draft({ "ns/a.yaml": "a: 1\n", "ns/b.yaml": "b: 1\n" }));
    const head = await provider.updatePullRequest({
      branch: "berth/req-1",
      files: [{ path: "ns/a.yaml", content: "a: 2\n" }],
      removed: ["ns/b.yaml"],
      message: "Revision 1",
      expectedHead: opened.headSha,
    });
    expect(git(repo, "rev-parse", "berth/req-1")).toBe(head);
    expect(git(repo, "rev-parse", `${head}^`)).toBe(opened.headSha);
    expect(git(repo, "ls-tree", "-r", "--name-only", head).split("\n")).toEqual(["README.md", "ns/a.yaml"]);
    expect(git(repo, "show", `${head}:ns/a.yaml`)).toBe("a: 2");
    expect(git(repo, "log", "-1", "--format=%s", head)).toBe("Revision 1");
  });

  it("refuses, writing nothing, when the branch is not at the head Berth wrote (a push outside Berth)", async () => {
    const repo = repoWithMain();
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    const opened = await provider.openPullRequest(draft({ "ns/a.yaml": "a: 1\n" }));
    const outside = git(repo, "commit-tree", `${opened.headSha}^{tree}`, "-p", opened.headSha, "-m", "outside");
    git(repo, "update-ref", "refs/heads/berth/req-1", outside);
    const update = {
      branch: "berth/req-1",
      files: [{ path: "ns/a.yaml", content: "a: 2\n" }],
      removed: [],
      message: "Revision 1",
      expectedHead: opened.headSha,
    };
    await expect(provider.updatePullRequest(update)).rejects.toBeInstanceOf(BranchMovedError);
    expect(git(repo, "rev-parse", "berth/req-1")).toBe(outside);
    await expect(provider.updatePullRequest({ ...update, branch: "berth/missing" })).rejects.toBeInstanceOf(BranchMovedError);
  });
  it("with a base, starts from the base's tree and merges it in, so the branch merges cleanly again", async () => {
    const repo = repoWithMain();
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    const opened = await provider.openPullRequest(draft({ "ns/a.yaml": "a: 1\nb: 1\n" }));
    // main moves: the same file changes beside the branch's edit, so the branch no longer merges.
    writeFileSync(path.join(repo, "ns.txt"), "x\n");
    git(repo, "checkout", "-q", "main");
    execFileSync("sh", ["-c", "mkdir -p ns && printf 'a: 0\\nb: 2\\n' > ns/a.yaml"], { cwd: repo });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "main moves");
    const main = git(repo, "rev-parse", "main");
    const head = await provider.updatePullRequest({
      branch: "berth/req-1",
      files: [{ path: "ns/a.yaml", content: "a: 1\nb: 2\n" }],
      removed: [],
      message: "Re-applied",
      expectedHead: opened.headSha,
      base: main,
    });
    expect(git(repo, "rev-list", "--parents", "-n", "1", head)).toBe(`${head} ${opened.headSha} ${main}`);
    expect(git(repo, "show", `${head}:ns/a.yaml`)).toBe("a: 1\nb: 2");
    expect(git(repo, "show", `${head}:ns.txt`)).toBe("x");
    const merged = await provider.mergeBranch("berth/req-1", "Merge", head);
    expect(git(repo, "show", `${merged}:ns/a.yaml`)).toBe("a: 1\nb: 2");
  });
});
