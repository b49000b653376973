import { assembleNamespace } from "./assemble-namespace";
import { catBlobs } from "./cat-blobs";
import type { PlatformProfile } from "../profile/profile";
import { namespaceFileKind, readNamespaceFile, type FileFacts } from "./read-namespace-file";
import { runGit } from "./run-git";
import type { NamespaceRecord } from "../types";
import { namespacesDir } from "../profile/namespaces-dir";

const NO_FACTS: FileFacts = { namespaceDocs: [], teams: [], otherAccess: [], modules: [], secrets: [], problems: [], empty: true };

interface Folder {
  key: string;
  domain: string;
  name: string;
  paths: string[];
  /** Files to read: path in the folder and blob id. */
  blobs: { relPath: string; oid: string }[];
  facts: Map<string, FileFacts>;
}

/**
 * Folders are read in batches so that the facts of one batch are garbage
 * before the next is parsed: the heap's peak (which V8 keeps as RSS long
 * after) stays near the size of the finished index instead of every file's.
 */
const BATCH_FOLDERS = 500;

/**
 * Reads the namespace folders under the given paths (folders or the whole
 * namespaces dir) at a commit: one `git ls-tree`, then a `git cat-file
 * --batch` per batch of folders for the blobs Berth reads. Keyed
 * `<domain>/<name>`, sorted by key.
 */
export async function readNamespaces(repoPath: string, commit: string, profile: PlatformProfile, paths: string[]): Promise<Map<string, NamespaceRecord>> {
  const folders = await listFolders(repoPath, commit, profile, paths);
  const records = new Map<string, NamespaceRecord>();
  for (let start = 0; start < folders.length; start += BATCH_FOLDERS) {
    const batch = folders.slice(start, start + BATCH_FOLDERS);
    await readBlobs(repoPath, profile, batch);
    for (const folder of batch) {
      records.set(folder.key, assembleNamespace({ profile, clusterDomain: folder.domain, name: folder.name, paths: folder.paths, facts: folder.facts }));
      folder.facts = new Map();
    }
  }
  return records;
}

/** The folders under the paths, sorted by key, with the files to read in each. */
async function listFolders(repoPath: string, commit: string, profile: PlatformProfile, paths: string[]): Promise<Folder[]> {
  const listing = await runGit(repoPath, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", ...paths]);
  const dirPrefix = `${namespacesDir(profile)}/`;
  const folders = new Map<string, Folder>();
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
      folder = { key, domain: path.slice(dirPrefix.length, first), name: path.slice(first + 1, second), paths: [], blobs: [], facts: new Map() };
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
    if (type !== "blob" || mode === "120000") {
      const what = type === "commit" ? "a submodule" : "a symbolic link";
      folder.facts.set(relPath, { ...NO_FACTS, problems: [{ file: relPath, message: `${what}, not a file; it was not read`, severity: "error" }] });
      continue;
    }
    folder.blobs.push({ relPath, oid: entry.slice(lastSpace + 1, tab) });
  }
  return [...folders.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Reads and parses the blobs of some folders through one `git cat-file --batch`. */
async function readBlobs(repoPath: string, profile: PlatformProfile, folders: Folder[]): Promise<void> {
  // Identical blobs at the same relative path (versions.tf, shared manifests) are read once.
  const pending = new Map<string, Map<string, FileFacts>[]>();
  const oids: string[] = [];
  const relPaths: string[] = [];
  for (const folder of folders) {
    for (const { relPath, oid } of folder.blobs) {
      const cacheKey = `${oid}\0${relPath}`;
      const waiting = pending.get(cacheKey);
      if (waiting) waiting.push(folder.facts);
      else {
        pending.set(cacheKey, [folder.facts]);
        oids.push(oid);
        relPaths.push(relPath);
      }
    }
  }
  const waitingLists = [...pending.values()];
  await catBlobs(repoPath, oids, (index, contents) => {
    const relPath = relPaths[index]!;
    const fileFacts: FileFacts = contents
      ? readNamespaceFile(relPath, contents, profile)
      : { ...NO_FACTS, problems: [{ file: relPath, message: "missing from the git object store; it was not read", severity: "error" }] };
    for (const facts of waitingLists[index]!) facts.set(relPath, fileFacts);
  });
}
