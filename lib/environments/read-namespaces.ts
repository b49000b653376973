import { assembleNamespace } from "./assemble-namespace";
import { catBlobs } from "./cat-blobs";
import type { PlatformProfile } from "./profile";
import { namespaceFileKind, readNamespaceFile, type FileFacts } from "./read-namespace-file";
import { runGit } from "./run-git";
import type { NamespaceRecord } from "./types";
import { namespacesDir } from "./namespaces-dir";

const NO_FACTS: FileFacts = { namespaceDocs: [], teams: [], modules: [], problems: [], empty: true };

interface Folder {
  domain: string;
  name: string;
  paths: string[];
  facts: Map<string, FileFacts>;
}

/**
 * Reads the namespace folders under the given paths (folders or the whole
 * namespaces dir) at a commit: one `git ls-tree`, then one `git cat-file
 * --batch` for the blobs Berth reads. Keyed `<domain>/<name>`, sorted by key.
 */
export async function readNamespaces(
  repoPath: string,
  commit: string,
  profile: PlatformProfile,
  paths: string[],
): Promise<Map<string, NamespaceRecord>> {
  const listing = await runGit(repoPath, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", ...paths]);
  const dirPrefix = `${namespacesDir(profile)}/`;
  const folders = new Map<string, Folder>();
  // Identical blobs at the same relative path (versions.tf, shared manifests) are read once.
  const pending = new Map<string, { relPath: string; facts: Map<string, FileFacts> }[]>();
  const oids: string[] = [];
  let lastKey = "";
  let lastFolder: Folder | undefined;

  for (const entry of listing.toString("utf8").split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab < 0) continue;
    const path = entry.slice(tab + 1);
    if (!path.startsWith(dirPrefix)) continue;
    const first = path.indexOf("/", dirPrefix.length);
    const second = first < 0 ? -1 : path.indexOf("/", first + 1);
    if (second < 0) continue;
    const key = path.slice(dirPrefix.length, second);
    // ls-tree lists a folder's files together: most entries hit the previous folder.
    let folder = key === lastKey ? lastFolder : folders.get(key);
    if (!folder) {
      folder = { domain: path.slice(dirPrefix.length, first), name: path.slice(first + 1, second), paths: [], facts: new Map() };
      folders.set(key, folder);
    }
    lastKey = key;
    lastFolder = folder;
    const relPath = path.slice(second + 1);
    folder.paths.push(relPath);
    if (!namespaceFileKind(relPath)) continue;

    // "<mode> <type> <oid>": only regular files (not symlinks or submodules) are read.
    const space = entry.indexOf(" ");
    const lastSpace = entry.lastIndexOf(" ", tab);
    const mode = entry.slice(0, space);
    const type = entry.slice(space + 1, lastSpace);
    const oid = entry.slice(lastSpace + 1, tab);
    if (type !== "blob" || mode === "120000") {
      const what = type === "commit" ? "a submodule" : "a symbolic link";
      folder.facts.set(relPath, { ...NO_FACTS, problems: [{ file: relPath, message: `${what}, not a file; it was not read` }] });
      continue;
    }
    const cacheKey = `${oid}\0${relPath}`;
    const waiting = pending.get(cacheKey);
    if (waiting) waiting.push({ relPath, facts: folder.facts });
    else {
      pending.set(cacheKey, [{ relPath, facts: folder.facts }]);
      oids.push(oid);
    }
  }

  const keys = [...pending.keys()];
  await catBlobs(repoPath, oids, (index, contents) => {
    const cacheKey = keys[index]!;
    const waiting = pending.get(cacheKey)!;
    const relPath = waiting[0]!.relPath;
    const fileFacts: FileFacts = contents
      ? readNamespaceFile(relPath, contents, profile)
      : { ...NO_FACTS, problems: [{ file: relPath, message: "missing from the git object store; it was not read" }] };
    for (const { facts } of waiting) facts.set(relPath, fileFacts);
  });

  const records = new Map<string, NamespaceRecord>();
  for (const key of [...folders.keys()].sort()) {
    const folder = folders.get(key)!;
    records.set(key, assembleNamespace({ profile, clusterDomain: folder.domain, name: folder.name, paths: folder.paths, facts: folder.facts }));
  }
  return records;
}
