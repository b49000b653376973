import type { NamespaceFolder } from "../edit/edit-operation";
import type { PlatformProfile } from "../profile/profile";
import { catBlobs } from "./cat-blobs";
import { parseNamespace } from "./parse-namespace";
import { runGit } from "./run-git";

/**
 * One namespace folder as it is at a commit, for editing: every file's text
 * (files holding a NUL byte are not text and are left out) and the index's
 * record of the folder read from those same files, so an edit validated
 * against a moved main sees main's folder, not the index's. Null when the
 * folder does not exist at that commit.
 */
export async function loadNamespaceFolder(
  repoPath: string,
  commit: string,
  at: { clusterDomain: string; name: string; path: string },
  profile: PlatformProfile,
): Promise<NamespaceFolder | null> {
  const listing = await runGit(repoPath, ["ls-tree", "-r", "-z", "--name-only", commit, "--", `${at.path}/`]);
  const paths = listing
    .toString("utf8")
    .split("\0")
    .filter((p) => p.startsWith(`${at.path}/`));
  if (paths.length === 0) return null;
  const contents: Record<string, string | null> = {};
  const files = new Map<string, string>();
  await catBlobs(
    repoPath,
    paths.map((p) => `${commit}:${p}`),
    (index, blob) => {
      const rel = paths[index]!.slice(at.path.length + 1);
      const text = blob === null || blob.includes(0) ? null : blob.toString("utf8");
      contents[rel] = text;
      if (text !== null) files.set(rel, text);
    },
  );
  const record = parseNamespace({ files: contents, profile, clusterDomain: at.clusterDomain, name: at.name });
  return { record, files };
}
