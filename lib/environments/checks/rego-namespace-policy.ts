import type { PlatformProfile } from "../profile/profile";
import { parseYamlDocuments } from "../repository/parse-yaml-documents";
import { isRecord } from "../repository/read-namespace-file";
import { namespacePath, orPass, type Change, type CheckResult } from "./change";

/**
 * The repository's Rego policies (conftest in its CI), per YAML document of
 * every `*.yaml` file the change adds or modifies in a namespace folder:
 * Namespace annotations and labels present and non-empty, pod security
 * restricted, a known business unit, no forbidden label, RoleBindings only to
 * the allowed ClusterRoles, no ClusterRole, ClusterRoleBinding or
 * ServiceAccount. A `.yml` manifest is not read by conftest: it is a warning,
 * since the apply pipeline applies it all the same. Documents that do not
 * parse are malformed-yaml's to report.
 */
export function regoNamespacePolicy(change: Change, profile: PlatformProfile): CheckResult[] {
  const { policy, labelPrefix: p } = profile;
  const id = policy.checkIds.namespacePolicy;
  const out: CheckResult[] = [];
  let documents = 0;
  for (const file of change.files) {
    const at = namespacePath(file.path, profile);
    if (!at || file.content === null) continue;
    if (/\.yml$/i.test(file.path)) {
      out.push({
        id,
        status: "warn",
        message: `${at.rel} escapes the policy check: conftest reads only *.yaml, yet the apply pipeline applies .yml`,
        file: file.path,
      });
      continue;
    }
    if (!file.path.endsWith(".yaml")) continue;
    for (const { value: doc } of parseYamlDocuments(file.content)) {
      if (!isRecord(doc)) continue;
      documents++;
      const fail = (message: string) => out.push({ id, status: "fail", message: `${at.rel}: ${message}`, file: file.path });
      const metadata = isRecord(doc.metadata) ? doc.metadata : {};
      const labels = isRecord(metadata.labels) ? metadata.labels : {};
      const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
      const what = `${String(doc.kind)} ${String(metadata.name ?? "")}`.trim();
      const filled = (v: unknown) => (typeof v === "string" && v.trim() !== "") || typeof v === "number" || typeof v === "boolean";
      for (const [k, v] of Object.entries(policy.forbiddenLabels)) if (labels[k] === v) fail(`${what}: label ${k}: ${v} is not allowed`);
      if (typeof doc.kind === "string" && Object.hasOwn(policy.forbiddenKinds, doc.kind)) {
        const why = policy.forbiddenKinds[doc.kind];
        fail(`${what} is not allowed${why ? ` (${why})` : ""}`);
      }
      if (doc.kind === "Namespace") {
        for (const n of policy.requiredAnnotations) if (!filled(annotations[`${p}/${n}`])) fail(`annotation ${p}/${n} is missing or empty`);
        for (const n of policy.requiredLabels) if (!filled(labels[`${p}/${n}`])) fail(`label ${p}/${n} is missing or empty`);
        const enforce = labels["pod-security.kubernetes.io/enforce"];
        if (enforce !== policy.podSecurityEnforce)
          fail(`label pod-security.kubernetes.io/enforce must be "${policy.podSecurityEnforce}", not ${JSON.stringify(enforce ?? null)}`);
        const unit = annotations[`${p}/business-unit`];
        if (filled(unit) && !profile.businessUnits.includes(String(unit)))
          fail(`business unit ${JSON.stringify(unit)} is not one of ${profile.businessUnits.join(", ")}`);
      }
      if (doc.kind === "RoleBinding") {
        const ref = isRecord(doc.roleRef) ? doc.roleRef : {};
        if (ref.kind === "ClusterRole" && !(typeof ref.name === "string" && policy.allowedClusterRoles.includes(ref.name)))
          fail(`${what} references ClusterRole ${JSON.stringify(ref.name ?? null)}; only ${policy.allowedClusterRoles.join(", ")} are allowed`);
      }
    }
  }
  return orPass(
    id,
    out,
    documents === 0 ? "the change has no *.yaml manifest to check" : `${documents} YAML document${documents === 1 ? "" : "s"} pass the policy`,
  );
}
