import type { PlatformProfile } from "../profile/profile";
import { namespacePath, orPass, type Change, type CheckResult } from "./change";

const LITERAL = /^\s*namespace\s*=\s*"([^"$]*)"/gm;
const VARIABLE = /variable\s+"namespace"\s*\{[^}]*?\bdefault\s*=\s*"([^"]*)"/s;

/**
 * compare-namespaces: in the Terraform of a namespace folder, the `namespace`
 * variable's default and every literal `namespace = "..."` must be the
 * folder's name, or the resources land in another namespace.
 */
export function compareNamespaces(change: Change, profile: PlatformProfile): CheckResult[] {
  const id = profile.policy.checkIds.terraformNamespace;
  const out: CheckResult[] = [];
  for (const file of change.files) {
    const at = namespacePath(file.path, profile);
    if (!at || file.content === null || !file.path.endsWith(".tf")) continue;
    const found = new Set<string>();
    const variable = VARIABLE.exec(file.content)?.[1];
    if (variable !== undefined) found.add(variable);
    for (const m of file.content.matchAll(LITERAL)) found.add(m[1]!);
    for (const value of found)
      if (value !== at.name) out.push({ id, status: "fail", message: `${at.rel}: namespace "${value}" is not the folder's, ${at.name}`, file: file.path });
  }
  return orPass(id, out, "the Terraform namespace matches the folder");
}
