import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BranchMovedError, MergeRefusedError, type BranchMerger, type GitProvider, type OpenedPullRequest, type PullRequestUpdater } from "./git-provider";

function git(repo: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile("git", ["-C", repo, ...args], { env: { ...process.env, ...options.env }, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args[0]} failed: ${String(stderr).trim() || error.message}`));
      else resolve(String(stdout).trim());
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

const IDENTITY = { GIT_AUTHOR_NAME: "Berth", GIT_AUTHOR_EMAIL: "berth@localhost", GIT_COMMITTER_NAME: "Berth", GIT_COMMITTER_EMAIL: "berth@localhost" };

/**
 * The embedded demo's provider: a branch in the local environments repository,
 * committed with git plumbing (so a checked-out working tree is not touched);
 * reviewers approve and merge in Berth.
 */
export function createLocalProvider(options: { repoPath: string; baseBranch: string }): GitProvider & BranchMerger & PullRequestUpdater {
  const repo = options.repoPath;
  let merging: Promise<unknown> = Promise.resolve();

  async function head(ref: string): Promise<string | null> {
    return git(repo, ["rev-parse", "--verify", "--quiet", `refs/heads/${ref}`]).catch(() => null);
  }

  return {
    kind: "local",

    async openPullRequest(draft): Promise<OpenedPullRequest> {
      const existing = await head(draft.branch);
      if (existing) return { number: null, url: null, headRepo: null, headSha: existing };
      const base = await head(options.baseBranch);
      if (!base) throw new Error(`The base branch ${options.baseBranch} does not exist in ${repo}`);
      const scratch = await mkdtemp(path.join(os.tmpdir(), "berth-index-"));
      try {
        const env = { ...IDENTITY, GIT_INDEX_FILE: path.join(scratch, "index") };
        await git(repo, ["read-tree", base], { env });
        for (const file of draft.files) {
          if (file.content === null) {
            await git(repo, ["update-index", "--force-remove", "--", file.path], { env });
            continue;
          }
          const blob = await git(repo, ["hash-object", "-w", "--stdin"], { input: file.content });
          await git(repo, ["update-index", "--add", "--cacheinfo", `100644,${blob},${file.path}`], { env });
        }
        const tree = await git(repo, ["write-tree"], { env });
        const commit = await git(repo, ["commit-tree", tree, "-p", base, "-m", draft.commitMessage], { env });
        // Note: create only, never move: `update-ref <ref> <new> ""` fails if the branch appeared meanwhile.
        await git(repo, ["update-ref", `refs/heads/${draft.branch}`, commit, ""]);
        return { number: null, url: null, headRepo: null, headSha: commit };
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },

    async updatePullRequest(update): Promise<string> {
      const current = await head(update.branch);
      if (current !== update.expectedHead) throw new BranchMovedError(update.branch, current, update.expectedHead);
      const scratch = await mkdtemp(path.join(os.tmpdir(), "berth-index-"));
      try {
        const env = { ...IDENTITY, GIT_INDEX_FILE: path.join(scratch, "index") };
        await git(repo, ["read-tree", update.base ?? current], { env });
        for (const file of update.files) {
          if (file.content === null) {
            await git(repo, ["update-index", "--force-remove", "--", file.path], { env });
            continue;
          }
          const blob = await git(repo, ["hash-object", "-w", "--stdin"], { input: file.content });
          await git(repo, ["update-index", "--add", "--cacheinfo", `100644,${blob},${file.path}`], { env });
        }
        for (const removed of update.removed) await git(repo, ["update-index", "--force-remove", "--", removed], { env });
        const tree = await git(repo, ["write-tree"], { env });
        const parents = update.base ? ["-p", current, "-p", update.base] : ["-p", current];
        const commit = await git(repo, ["commit-tree", tree, ...parents, "-m", update.message], { env });
        // Note: compare-and-swap: a branch moved since it was read is never overwritten.
        await git(repo, ["update-ref", `refs/heads/${update.branch}`, commit, current]).catch(async () => {
          throw new BranchMovedError(update.branch, await head(update.branch), update.expectedHead);
        });
        return commit;
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },

    mergeBranch(branch, message, expectedTip) {
      // Merges in this process run one at a time: the second of two merges of
      // one request then finds its branch already merged (a clean refusal,
      // not git's "cannot lock ref").
      const run = merging.then(() => mergeNow(branch, message, expectedTip));
      merging = run.catch(() => undefined);
      return run;
    },
  };

  /** Another process (or person) moving the base branch mid-merge makes the merge start again on the new base, as GitHub's own merge does. */
  async function mergeNow(branch: string, message: string, expectedTip: string | null): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const merge = await mergeOnce(branch, message, expectedTip, attempt === 5);
      if (merge) return merge;
    }
  }

  /** The merge commit, or null when the base moved before it could be written (and this is not the last attempt). */
  async function mergeOnce(branch: string, message: string, expectedTip: string | null, last: boolean): Promise<string | null> {
    const base = await head(options.baseBranch);
    const tip = await head(branch);
    if (!base || !tip) throw new Error(`Cannot merge ${branch} into ${options.baseBranch}: a branch is missing`);
    if (expectedTip && tip !== expectedTip) {
      throw new MergeRefusedError("tip", `${branch} was changed outside Berth (its tip is ${tip.slice(0, 12)}, Berth wrote ${expectedTip.slice(0, 12)})`);
    }
    const merged = await git(repo, ["merge-base", "--is-ancestor", tip, base]).then(
      () => true,
      () => false,
    );
    if (merged) throw new MergeRefusedError("moved", `${branch} is already merged into ${options.baseBranch}`);
    const tree = await git(repo, ["merge-tree", "--write-tree", base, tip]).catch(() => {
      throw new MergeRefusedError("conflict", `${branch} no longer merges cleanly into ${options.baseBranch}`);
    });
    const merge = await git(repo, ["commit-tree", tree.split("\n")[0]!, "-p", base, "-p", tip, "-m", message], { env: IDENTITY });
    // Note: compare-and-swap on the base branch: a merge by another process in between is never overwritten; this one is made again on top of it.
    const swapped = await git(repo, ["update-ref", `refs/heads/${options.baseBranch}`, merge, base]).then(
      () => true,
      (error: Error) => {
        if (last) throw new MergeRefusedError("moved", `${options.baseBranch} moved during the merge: ${error.message}`);
        return false;
      },
    );
    if (!swapped) return null;
    // A checked-out main follows, so people browsing the demo repository see the merge.
    const bare = (await git(repo, ["rev-parse", "--is-bare-repository"])) === "true";
    const current = bare ? null : await git(repo, ["symbolic-ref", "--quiet", "--short", "HEAD"]).catch(() => null);
    if (current === options.baseBranch) await git(repo, ["read-tree", "-u", "--reset", merge]);
    return merge;
  }
}
