import path from "node:path";
import { NotAnEnvironmentsRepoError } from "./errors";
import type { PlatformProfile } from "../profile/profile";
import { readNamespaces } from "./read-namespaces";
import { resolveCommit } from "./resolve-commit";
import { runGit } from "./run-git";
import type { NamespaceRecord } from "../types";
import { namespacesDir } from "../profile/namespaces-dir";

/** Every namespace of an environments repository at one commit. Treat as immutable: updateIndex returns a new one. */
export interface InventoryIndex {
  /** Absolute path of the repository. */
  repoPath: string;
  /** Full commit id the index was read at. */
  commit: string;
  /** The profile the index was read with; updateIndex reads with it too. */
  profile: PlatformProfile;
  /** Keyed `<cluster-domain>/<namespace>`, sorted. */
  namespaces: Map<string, NamespaceRecord>;
}

export interface BuildIndexOptions {
  repoPath: string;
  profile: PlatformProfile;
  /** A commit or any revision git understands; default HEAD. */
  commit?: string;
}

/**
 * Reads every namespace of the committed tree (not the working tree) at a
 * commit. Throws NotAnEnvironmentsRepoError when the path is not a git
 * repository with commits and a namespaces folder at that commit.
 */
export async function buildIndex(options: BuildIndexOptions): Promise<InventoryIndex> {
  const { profile, commit = "HEAD" } = options;
  // Absolute, so an index stays usable if the process changes directory.
  const repoPath = path.resolve(options.repoPath);
  const resolved = await resolveCommit(repoPath, commit);
  const dir = namespacesDir(profile);
  const type = await runGit(repoPath, ["cat-file", "-t", `${resolved}:${dir}`]).then(
    (out) => out.toString("utf8").trim(),
    () => null,
  );
  if (type !== "tree") {
    throw new NotAnEnvironmentsRepoError(
      repoPath,
      "no-namespaces-dir",
      `${repoPath} has no ${dir}/ folder at commit ${resolved.slice(0, 12)}; is it an environments repository?`,
    );
  }
  const namespaces = await readNamespaces(repoPath, resolved, profile, [`${dir}/`]);
  return { repoPath, commit: resolved, profile, namespaces };
}
