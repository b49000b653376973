import { isMap, isScalar, type YAMLSeq } from "yaml";
import { scalarLike } from "../yaml/replace-scalar";

const API_GROUP = "rbac.authorization.k8s.io";

/**
 * The lines of a new `github:<team>` Group subject, written like the list's
 * last Group subject (its keys' order, its name's quoting), and its value.
 */
export function subjectLines(subjects: YAMLSeq, team: string): { lines: string[]; value: Record<string, string> } {
  const template = [...subjects.items].reverse().find((item) => isMap(item) && item.get("kind") === "Group");
  const keys = isMap(template) ? template.items.map((p) => (isScalar(p.key) ? String(p.key.value) : "")) : [];
  const order = [...keys.filter((k) => k === "kind" || k === "name" || k === "apiGroup"), ...["kind", "name", "apiGroup"].filter((k) => !keys.includes(k))];
  const nameNode = isMap(template) ? template.get("name", true) : null;
  const value: Record<string, string> = { kind: "Group", name: `github:${team}`, apiGroup: API_GROUP };
  const write = (k: string) => (k === "name" ? scalarLike(isScalar(nameNode) ? nameNode.type : undefined, value.name!) : value[k]!);
  return { lines: order.map((k) => `${k}: ${write(k)}`), value };
}
