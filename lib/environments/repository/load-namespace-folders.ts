import type { NamespaceFolder } from "../edit/edit-operation";
import type { PlatformProfile } from "../profile/profile";
import { catBlobs } from "./cat-blobs";
import { parseNamespace } from "./parse-namespace";
import { runGit } from "./run-git";
import type { NamespaceRecord } from "../types";

type At = { clusterDomain: string; name: string; path: string };

/**
 * Many namespace folders as they are at a commit, as loadNamespaceFolder
 * reads one (every text file, the record read from them; null for a folder
 * that does not exist there), with one `git ls-tree` and one
 * `git cat-file --batch` for them all instead of two processes a folder: what
 * makes a campaign's preview over thousands of namespaces take seconds.
 * `reuseRecords`: the `ats` are the index's records at this very commit, so
 * each folder keeps its record instead of reading its files again (parsing
 * the YAML is most of the time).
 */
export async function loadNamespaceFolders(
  repoPath: string,
  commit: string,
  ats: readonly At[],
  profile: PlatformProfile,
  options: { reuseRecords?: boolean } = {},
): Promise<(NamespaceFolder | null)[]> {
  if (ats.length === 0) return [];
  const byPath = new Map(ats.map((at, i) => [at.path, i]));
  const listing = await runGit(repoPath, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", ...ats.map((at) => `${at.path}/`)]);
  const paths: { folder: number; rel: string; oid: string }[] = [];
  for (const entry of listing.toString("utf8").split("\0")) {
    // `<mode> blob <oid>\t<path>`
    const tab = entry.indexOf("\t");
    if (tab < 0) continue;
    const [, type, oid] = entry.slice(0, tab).split(" ");
    if (type !== "blob" || !oid) continue;
    const path = entry.slice(tab + 1);
    const folder = folderOf(path, byPath);
    if (folder === undefined) continue;
    paths.push({ folder, rel: path.slice(ats[folder]!.path.length + 1), oid });
  }
  const contents = ats.map(() => ({}) as Record<string, string | null>);
  const files = ats.map(() => new Map<string, string>());
  await catBlobs(
    repoPath,
    paths.map((p) => p.oid),
    (index, blob) => {
      const { folder, rel } = paths[index]!;
      const text = blob === null || blob.includes(0) ? null : blob.toString("utf8");
      contents[folder]![rel] = text;
      if (text !== null) files[folder]!.set(rel, text);
    },
  );
  return ats.map((at, i) =>
    Object.keys(contents[i]!).length === 0
      ? null
      : {
          record: options.reuseRecords && isRecord(at) ? at : parseNamespace({ files: contents[i]!, profile, clusterDomain: at.clusterDomain, name: at.name }),
          files: files[i]!,
        },
  );
}

function isRecord(at: At): at is NamespaceRecord {
  return Array.isArray((at as Partial<NamespaceRecord>).modules);
}

/** The folder a path lies in: `<dir>/<domain>/<name>/...` -> index of `<dir>/<domain>/<name>`. */
function folderOf(path: string, byPath: Map<string, number>): number | undefined {
  let slash = path.lastIndexOf("/");
  while (slash > 0) {
    const found = byPath.get(path.slice(0, slash));
    if (found !== undefined) return found;
    slash = path.lastIndexOf("/", slash - 1);
  }
  return undefined;
}
