import { namespacesDir } from "@/lib/environments/profile/namespaces-dir";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import { readFileAt } from "@/lib/environments/repository/run-git";
import type { NamespaceRecord } from "@/lib/environments/types";
import type { InventorySnapshot } from "../inventory-store";

/** Answers kept per snapshot; past this many the oldest go (a preview reads four or five paths). */
const MAX_KEPT = 2_000;

interface Kept {
  folders: Map<string, NamespaceRecord>;
  answers: Map<string, Promise<string | null>>;
}
const kept = new WeakMap<InventorySnapshot, Kept>();

/**
 * Reads a file of the snapshot's commit (null when absent), for previews and
 * submissions. A commit never changes, so answers are kept with the
 * snapshot. Under the namespaces folder the index lists every file of every
 * folder, so a path it does not list is absent without asking git: a new
 * namespace's preview spawns no process (a spawn blocks the server's event
 * loop for milliseconds when its heap holds a large cluster cache).
 */
export function snapshotFileReader(repo: string, snapshot: InventorySnapshot, profile: PlatformProfile): (path: string) => Promise<string | null> {
  let memo = kept.get(snapshot);
  if (!memo) {
    memo = { folders: new Map(snapshot.namespaces.map((ns) => [ns.path, ns])), answers: new Map() };
    kept.set(snapshot, memo);
  }
  const { folders, answers } = memo;
  const dir = `${namespacesDir(profile)}/`;
  return (path) => {
    const known = answers.get(path);
    if (known) return known;
    const parts = path.startsWith(dir) ? path.slice(dir.length).split("/") : [];
    const folder = parts.length >= 3 ? `${dir}${parts[0]}/${parts[1]}` : null;
    const listed = folder === null || folders.get(folder)?.files.includes(parts.slice(2).join("/"));
    const answer = listed ? readFileAt(repo, snapshot.commit, path) : Promise.resolve(null);
    answers.set(path, answer);
    if (answers.size > MAX_KEPT) answers.delete(answers.keys().next().value!);
    return answer;
  };
}
