import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from "yaml";
import { namespaceFileKind } from "../../repository/read-namespace-file";
import type { NamespaceFolder } from "../edit-operation";
import { readYamlSource, type YamlSource } from "../yaml/yaml-source";

/** One RoleBinding document of a namespace folder, as an access edit sees it. */
export interface RoleBindingAt {
  /** Path relative to the folder. */
  file: string;
  source: YamlSource;
  docIndex: number;
  /** `ClusterRole/admin`, `Role/read-only`... */
  role: string;
  /** The `subjects` list, when it is one. */
  subjects: YAMLSeq | null;
  /** The `github:<team>` Group subjects: team slug and item index in `subjects`. */
  teams: { team: string; index: number }[];
}

export const ADMIN_ROLE = "ClusterRole/admin";

/** Every readable RoleBinding of the folder's top-level manifests, by file name then document. */
export function findRoleBindings(folder: NamespaceFolder): RoleBindingAt[] {
  const found: RoleBindingAt[] = [];
  const files = [...folder.files.keys()].filter((f) => namespaceFileKind(f) === "yaml").sort();
  for (const file of files) {
    const source = readYamlSource(folder.files.get(file)!);
    source.docs.forEach((doc, docIndex) => {
      if (doc.error || (doc.value as { kind?: unknown } | null)?.kind !== "RoleBinding") return;
      const roleRef = doc.parsed.get("roleRef", true);
      const kind = isMap(roleRef) ? text(roleRef, "kind") : null;
      const name = isMap(roleRef) ? text(roleRef, "name") : null;
      const subjects = doc.parsed.get("subjects", true);
      const seq = isSeq(subjects) ? subjects : null;
      const teams: RoleBindingAt["teams"] = [];
      seq?.items.forEach((item, index) => {
        if (!isMap(item) || text(item, "kind") !== "Group") return;
        const subject = text(item, "name")?.trim() ?? "";
        if (subject.startsWith("github:") && subject.length > 7) teams.push({ team: subject.slice(7), index });
      });
      found.push({ file, source, docIndex, role: `${kind ?? "Role"}/${name ?? "?"}`, subjects: seq, teams });
    });
  }
  return found;
}

function text(map: YAMLMap, key: string): string | null {
  const node = map.get(key, true);
  return isScalar(node) && typeof node.value === "string" ? node.value : null;
}
