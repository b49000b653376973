import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { GitRepo } from "./git-repo";

/** One entry of `POST /git/trees`, already validated against GitHub's description. */
export interface TreeInput {
  path: string;
  mode: string;
  type: "blob" | "tree" | "commit";
  sha?: string | null;
  content?: string;
}

export type BuildTreeResult = { ok: true; sha: string } | { ok: false; message: string };

const ZERO = "0000000000000000000000000000000000000000";

/**
 * Builds a tree the way GitHub's create-tree does (paths may contain
 * slashes; `sha: null` deletes; inline `content` becomes a blob), through a
 * throwaway index file so nested paths need no hand-made subtrees.
 */
export async function buildTree(repo: GitRepo, baseTree: string | undefined, entries: readonly TreeInput[]): Promise<BuildTreeResult> {
  const indexFile = path.join(tmpdir(), `fake-github-index-${randomUUID()}`);
  const env = { GIT_INDEX_FILE: indexFile };
  try {
    if (baseTree !== undefined) {
      const base = await repo.resolve(baseTree, "tree");
      if (!base) return { ok: false, message: "base_tree is not a valid tree oid" };
      await mustRun(repo, ["read-tree", base], env);
    } else {
      await mustRun(repo, ["read-tree", "--empty"], env);
    }

    const lines: string[] = [];
    const subtrees: Array<{ path: string; sha: string }> = [];
    for (const entry of entries) {
      const entryPath = entry.path.replace(/^\/+|\/+$/g, "");
      if (entryPath === "" || entryPath.split("/").some((part) => part === "." || part === ".." || part === ".git")) {
        return { ok: false, message: `tree.path contains a malformed path component` };
      }
      if (entry.content !== undefined && entry.sha !== undefined && entry.sha !== null) {
        return { ok: false, message: "Must supply either tree.sha or tree.content, not both" };
      }
      if (entry.sha === null) {
        lines.push(`0 ${ZERO}\t${entryPath}`);
        continue;
      }
      if (entry.content !== undefined) {
        if (entry.type !== "blob") return { ok: false, message: "tree.content is only allowed for blobs" };
        lines.push(`${entry.mode} ${await repo.writeBlob(Buffer.from(entry.content, "utf8"))}\t${entryPath}`);
        continue;
      }
      if (entry.sha === undefined) return { ok: false, message: "Must supply either tree.sha or tree.content" };
      const type = await repo.objectType(entry.sha);
      if (entry.type !== "commit" && type !== entry.type) return { ok: false, message: `tree.sha ${entry.sha} is not a valid ${entry.type}` };
      if (entry.type === "tree") subtrees.push({ path: entryPath, sha: entry.sha });
      else lines.push(`${entry.mode} ${entry.sha}\t${entryPath}`);
    }

    // Note: a subtree given by sha replaces whatever was at that path; its files go
    // in as index entries, since read-tree --prefix needs a work tree a bare repo lacks.
    for (const subtree of subtrees) {
      const staged = await repo.run(["ls-files", "-z", "--", subtree.path], { env });
      for (const file of staged.stdout.split("\0").filter(Boolean)) lines.push(`0 ${ZERO}\t${file}`);
      for (const entry of await repo.lsTree(subtree.sha, true)) {
        if (entry.type !== "tree") lines.push(`${entry.mode} ${entry.sha}\t${subtree.path}/${entry.path}`);
      }
    }
    if (lines.length > 0) await mustRun(repo, ["update-index", "--index-info"], env, `${lines.join("\n")}\n`);
    const written = await repo.run(["write-tree"], { env });
    if (written.code !== 0) return { ok: false, message: `tree could not be written: ${written.stderr.trim()}` };
    return { ok: true, sha: written.stdout.trim() };
  } finally {
    await rm(indexFile, { force: true });
  }
}

async function mustRun(repo: GitRepo, args: string[], env: Record<string, string>, input?: string): Promise<void> {
  const result = await repo.run(args, { env, input });
  if (result.code !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr.trim()}`);
}
