import { buildIndex, type InventoryIndex } from "./build-index";
import { NotAnEnvironmentsRepoError } from "./errors";
import { readNamespaces } from "./read-namespaces";
import { resolveRevision } from "./resolve-commit";
import { runGit } from "./run-git";
import { namespacesDir } from "../profile/namespaces-dir";

export interface UpdateIndexResult {
  index: InventoryIndex;
  /** Keys (`<domain>/<name>`) re-read, added or removed, sorted. */
  changed: string[];
}

/** Beyond this many changed folders one full read is cheaper than many pathspecs. */
const FULL_REBUILD_THRESHOLD = 1000;

/**
 * Moves an index to another commit (default HEAD), re-reading only the
 * namespace folders git says changed. Returns a new index; the given one is
 * left as it was.
 */
export async function updateIndex(index: InventoryIndex, options: { commit?: string } = {}): Promise<UpdateIndexResult> {
  const { repoPath, profile } = index;
  const commit = await resolveRevision(repoPath, options.commit ?? "HEAD");
  if (commit === index.commit) return { index, changed: [] };

  const dir = namespacesDir(profile);
  let diff: Buffer;
  try {
    diff = await runGit(repoPath, ["diff", "--name-only", "-z", "--no-renames", index.commit, commit, "--", `${dir}/`]);
  } catch {
    // The old commit is gone (history rewritten and collected): read everything.
    return rebuild(index, commit);
  }
  const depth = dir.split("/").length;
  const keys = new Set<string>();
  for (const path of diff.toString("utf8").split("\0")) {
    const parts = path.split("/");
    // <dir>/<domain>/<name>/<file...>; files directly under <dir>/<domain>/ belong to no namespace.
    if (path.startsWith(`${dir}/`) && parts.length >= depth + 3) keys.add(`${parts[depth]}/${parts[depth + 1]}`);
  }
  if (keys.size > FULL_REBUILD_THRESHOLD) return rebuild(index, commit);

  const changed = [...keys].sort();
  const fresh = changed.length
    ? await readNamespaces(
        repoPath,
        commit,
        profile,
        changed.map((k) => `${dir}/${k}/`),
      )
    : new Map();
  const namespaces = new Map(index.namespaces);
  for (const key of changed) {
    const record = fresh.get(key);
    if (record) namespaces.set(key, record);
    else namespaces.delete(key);
  }
  const added = [...fresh.keys()].some((key) => !index.namespaces.has(key));
  return { index: { ...index, commit, namespaces: added ? sortByKey(namespaces) : namespaces }, changed };
}

async function rebuild(index: InventoryIndex, commit: string): Promise<UpdateIndexResult> {
  const next = await buildIndex({ repoPath: index.repoPath, profile: index.profile, commit }).catch((error: unknown) => {
    // The namespaces folder was deleted: an empty inventory, not a broken one.
    if (error instanceof NotAnEnvironmentsRepoError && error.reason === "no-namespaces-dir") return { ...index, commit, namespaces: new Map() };
    throw error;
  });
  const changed = new Set([...index.namespaces.keys(), ...next.namespaces.keys()]);
  return { index: next, changed: [...changed].sort() };
}

/** New keys land at the end of a Map; keep key order so listings stay stable. */
function sortByKey<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
