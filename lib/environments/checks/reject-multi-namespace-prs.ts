import type { PlatformProfile } from "../profile/profile";
import { namespacePath, type Change, type CheckResult } from "./change";

/**
 * reject-multi-namespace-prs: one namespace per pull request, counting only
 * namespace folders under the live clusters; files outside namespaces/ (or
 * under another cluster's folder) do not count.
 */
export function rejectMultiNamespacePrs(change: Change, profile: PlatformProfile): CheckResult[] {
  const id = profile.policy.checkIds.oneNamespace;
  const folders = new Set<string>();
  for (const f of change.files) {
    const at = namespacePath(f.path, profile);
    if (at?.live) folders.add(`${at.domain}/${at.name}`);
  }
  const list = [...folders].sort();
  if (list.length > 1)
    return [{ id, status: "fail", message: `the change touches ${list.length} namespaces (${list.join(", ")}); one namespace per pull request`, file: null }];
  return [{ id, status: "pass", message: list.length === 1 ? `one namespace: ${list[0]}` : "the change touches no live-cluster namespace", file: null }];
}
