import { namespaceFolder } from "../profile/namespace-folder";
import { namespacesDir } from "../profile/namespaces-dir";
import type { PlatformProfile } from "../profile/profile";
import { catBlobs } from "../repository/cat-blobs";
import { resolveCommit } from "../repository/resolve-commit";
import { runGit } from "../repository/run-git";
import type { NamespaceFolder } from "./edit-operation";
import { namespaceFolderFromFiles } from "./namespace-folder-from-files";

/**
 * One namespace folder of a repository at a commit (default HEAD), as an
 * edit reads it: the index's record and the text of each regular file
 * (binary files, links and submodules are listed in the record, not read).
 * `cluster` is the profile's cluster name or the folder's domain. Throws
 * NotAnEnvironmentsRepoError for a path that is not a repository.
 */
export async function readNamespaceFolder(
  repoPath: string,
  profile: PlatformProfile,
  cluster: string,
  name: string,
  revision = "HEAD",
): Promise<{ ok: true; folder: NamespaceFolder; commit: string } | { ok: false; error: string }> {
  const commit = await resolveCommit(repoPath, revision);
  const domain = profile.clusters.find((c) => c.name === cluster || c.domain === cluster)?.domain ?? cluster;
  const dir = namespaceFolder(profile, domain, name);
  const entries = await listFiles(repoPath, commit, `${dir}/`);
  if (entries.length === 0) {
    const domains = (await listFiles(repoPath, commit, `${namespacesDir(profile)}/`, ["-d"])).map((e) => e.path.split("/").pop()!);
    const elsewhere: string[] = [];
    for (const other of domains) {
      if (other !== domain && (await listFiles(repoPath, commit, namespaceFolder(profile, other, name), ["-d"])).length > 0) elsewhere.push(other);
    }
    const names = elsewhere.map((d) => profile.clusters.find((c) => c.domain === d)?.name ?? d);
    return {
      ok: false,
      error: `there is no namespace ${name} in cluster ${cluster} at commit ${commit.slice(0, 12)}${names.length > 0 ? `; it is in ${names.join(", ")}` : ""}`,
    };
  }
  const files: Record<string, string | null> = {};
  const readable = entries.filter((e) => e.type === "blob" && e.mode !== "120000");
  for (const e of entries) files[e.path.slice(dir.length + 1)] = null;
  await catBlobs(
    repoPath,
    readable.map((e) => e.oid),
    (i, contents) => {
      if (contents && !contents.subarray(0, 8000).includes(0)) files[readable[i]!.path.slice(dir.length + 1)] = contents.toString("utf8");
    },
  );
  const text = Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== null));
  const folder = namespaceFolderFromFiles({ files: text, clusterDomain: domain, name, profile });
  // The record lists every file, read or not, as the index does.
  folder.record.files = Object.keys(files).sort();
  return { ok: true, folder, commit };
}

async function listFiles(repoPath: string, commit: string, path: string, flags: string[] = ["-r"]) {
  const out = await runGit(repoPath, ["ls-tree", "-z", ...flags, "--full-tree", commit, "--", path]);
  return out
    .toString("utf8")
    .split("\0")
    .filter((e) => e.includes("\t"))
    .map((entry) => {
      const [meta, path] = [entry.slice(0, entry.indexOf("\t")), entry.slice(entry.indexOf("\t") + 1)];
      const [mode, type, oid] = meta.split(" ") as [string, string, string];
      return { mode, type, oid, path };
    });
}
