import { namespacesDir } from "../profile/namespaces-dir";
import { parseYamlDocuments } from "../repository/parse-yaml-documents";
import type { PlatformProfile } from "../profile/profile";
import { isRecord } from "../repository/read-namespace-file";

/** One rule of the repository's PR policy and how the files fared. */
export interface PolicyResult {
  rule: string;
  pass: boolean;
  /** What passed, or what is wrong and where. */
  message: string;
}

export interface PolicyContext {
  /** Names of the namespaces already in the repository (any cluster) and of open requests; checks a new name is unique. */
  existingNamespaceNames?: Iterable<string>;
  /** The pull request's author; checks they belong to the team 01-rbac.yaml binds. */
  author?: { teams: string[] };
  /**
   * For a change to a namespace that already exists (e.g. AWS resources): its
   * files (relative to the folder) and the teams its RoleBindings bind. The
   * Namespace rules then pass when the change carries no manifests and the
   * folder has its 00-namespace.yaml, author-in-team uses the bound teams when
   * 01-rbac.yaml is not changed, and name-unique is not run.
   */
  existingNamespace?: { files: readonly string[]; teams: readonly string[] };
}

interface Manifest {
  file: string;
  /** The namespace folder's name. */
  folder: string;
  kind: unknown;
  metadata: Record<string, unknown>;
  doc: Record<string, unknown>;
}

/**
 * Runs the environments repository's PR policy (its Rego policies and PR
 * checks, as ENVIRONMENTS-REPO.md lists them) over the files a pull request
 * would add or change, so Berth can refuse what the repository's CI would.
 * One result per rule; the two rules that need context (author-in-team,
 * name-unique) are left out when the context does not supply it. Only the
 * manifests at the top of a namespace folder are Kubernetes input. A change
 * without any manifest (resources/ only) is judged, as the repository's CI
 * does, on the files it changes: the Namespace rules pass as unchanged unless
 * context.existingNamespace says the folder has no 00-namespace.yaml.
 */
export function checkNamespacePolicy(files: { path: string; content: string }[], profile: PlatformProfile, context: PolicyContext = {}): PolicyResult[] {
  const root = `${namespacesDir(profile)}/`;
  const folders = new Set<string>();
  const outside: string[] = [];
  const manifests: Manifest[] = [];
  const malformed: string[] = [];
  const yml: string[] = [];
  for (const { path, content } of files) {
    const parts = path.startsWith(root) ? path.slice(root.length).split("/") : [];
    if (parts.length < 3) {
      outside.push(path);
      continue;
    }
    folders.add(parts.slice(0, 2).join("/"));
    const rel = parts.slice(2).join("/");
    if (rel.includes("/") || !/\.ya?ml$/i.test(rel)) continue;
    if (!/\.yaml$/.test(rel)) yml.push(path);
    parseYamlDocuments(content).forEach(({ value: doc, error }, i) => {
      if (error) malformed.push(`${path}: line ${error.line}: ${error.message}`);
      else if (doc === null || doc === undefined) return;
      else if (!isRecord(doc)) malformed.push(`${path}: document ${i + 1} is not a mapping`);
      else manifests.push({ file: path, folder: parts[1]!, kind: doc.kind, metadata: isRecord(doc.metadata) ? doc.metadata : {}, doc });
    });
  }
  const folderNames = [...new Set([...folders].map((f) => f.split("/")[1]!))].sort();
  const namespaces = manifests.filter((m) => m.kind === "Namespace");
  const p = profile.labelPrefix;
  const results: PolicyResult[] = [];
  const rule = (name: string, problems: string[], passed: string) =>
    results.push({ rule: name, pass: problems.length === 0, message: problems.length === 0 ? passed : problems.join("; ") });
  const unchangedOr = (passed: string) => (namespaceUnchanged ? "the change leaves 00-namespace.yaml as it is" : passed);
  const existing = context.existingNamespace;
  // A change with no manifest at all leaves the Namespace as it is; with manifests, it must carry the Namespace too.
  const namespaceUnchanged =
    manifests.length === 0 && malformed.length === 0 && yml.length === 0 && folders.size > 0 && (!existing || existing.files.includes("00-namespace.yaml"));
  const onNamespaces = (check: (ns: Manifest) => string[]) =>
    namespaces.length === 0 ? (namespaceUnchanged ? [] : ["no Namespace manifest in the files"]) : namespaces.flatMap(check);
  const map = (m: Manifest, key: "labels" | "annotations") => (isRecord(m.metadata[key]) ? (m.metadata[key] as Record<string, unknown>) : {});
  const missing = (m: Manifest, key: "labels" | "annotations", names: string[]) =>
    names
      .filter((n) => typeof map(m, key)[`${p}/${n}`] !== "string" || (map(m, key)[`${p}/${n}`] as string).trim() === "")
      .map((n) => `${m.file}: ${key === "labels" ? "label" : "annotation"} ${p}/${n} is missing or empty`);

  rule("valid-yaml", malformed, "every manifest is well-formed YAML");
  rule(
    "yaml-extension",
    yml.map((f) => `${f}: use .yaml; .yml breaks the apply pipeline`),
    "every manifest ends in .yaml",
  );
  rule(
    "one-namespace",
    [
      ...(folders.size > 1 ? [`the files touch ${folders.size} namespaces (${[...folders].sort().join(", ")}); one namespace per pull request`] : []),
      ...(folders.size === 0 ? ["no file is inside a namespace folder"] : []),
      ...outside.map((f) => `${f} is outside ${root}<cluster>/<namespace>/`),
    ],
    `all files are in one namespace folder (${[...folders][0]})`,
  );
  const annotations = ["business-unit", "application", "owner", "source-code", "slack-channel"];
  rule(
    "required-annotations",
    onNamespaces((m) => missing(m, "annotations", annotations)),
    unchangedOr(`annotations ${annotations.join(", ")} are set`),
  );
  rule(
    "required-labels",
    onNamespaces((m) => missing(m, "labels", ["is-production", "environment-name"])),
    unchangedOr("labels is-production and environment-name are set"),
  );
  rule(
    "pod-security-restricted",
    onNamespaces((m) =>
      map(m, "labels")["pod-security.kubernetes.io/enforce"] === "restricted"
        ? []
        : [
            `${m.file}: label pod-security.kubernetes.io/enforce must be "restricted", not ${JSON.stringify(map(m, "labels")["pod-security.kubernetes.io/enforce"] ?? null)}`,
          ],
    ),
    unchangedOr("pod-security.kubernetes.io/enforce is restricted"),
  );
  rule(
    "business-unit-allowed",
    onNamespaces((m) => {
      const unit = map(m, "annotations")[`${p}/business-unit`];
      return typeof unit === "string" && profile.businessUnits.includes(unit)
        ? []
        : [`${m.file}: business unit ${JSON.stringify(unit ?? null)} is not one of ${profile.businessUnits.join(", ")}`];
    }),
    unchangedOr("the business unit is one the platform knows"),
  );
  rule(
    "no-forbidden-labels",
    manifests.flatMap((m) =>
      Object.entries(profile.policy.forbiddenLabels)
        .filter(([k, v]) => map(m, "labels")[k] === v)
        .map(([k, v]) => `${m.file}: label ${k}: ${v} is not allowed`),
    ),
    `no manifest carries a forbidden label (${
      Object.entries(profile.policy.forbiddenLabels)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ") || "none"
    })`,
  );
  const allowed = profile.policy.allowedClusterRoles;
  rule(
    "rolebinding-cluster-roles",
    manifests
      .filter((m) => m.kind === "RoleBinding")
      .flatMap((m) => {
        const ref = isRecord(m.doc.roleRef) ? m.doc.roleRef : {};
        if (ref.kind === "Role") return [];
        return ref.kind === "ClusterRole" && typeof ref.name === "string" && allowed.includes(ref.name)
          ? []
          : [
              `${m.file}: RoleBinding ${String(m.metadata.name)} references ${String(ref.kind)} ${JSON.stringify(ref.name ?? null)}; only the ClusterRoles ${allowed.join(", ")} are allowed`,
            ];
      }),
    `RoleBindings reference only ${allowed.join(" or ")}`,
  );
  rule(
    "no-cluster-rbac-or-service-accounts",
    manifests
      .filter((m) => ["ClusterRole", "ClusterRoleBinding", "ServiceAccount"].includes(String(m.kind)))
      .map(
        (m) =>
          `${m.file}: ${String(m.kind)} ${String(m.metadata.name)} is not allowed${m.kind === "ServiceAccount" ? " (service accounts come from Terraform)" : ""}`,
      ),
    "no ClusterRole, ClusterRoleBinding or ServiceAccount manifests",
  );
  rule(
    "name-matches-folder",
    [
      ...onNamespaces((m) =>
        m.metadata.name === m.folder ? [] : [`${m.file}: metadata.name is ${JSON.stringify(m.metadata.name ?? null)} but the folder is ${m.folder}`],
      ),
      ...manifests
        .filter((m) => m.kind !== "Namespace" && m.metadata.namespace !== undefined && m.metadata.namespace !== m.folder)
        .map((m) => `${m.file}: ${String(m.kind)} ${String(m.metadata.name)} is in namespace ${JSON.stringify(m.metadata.namespace)}, not ${m.folder}`),
    ],
    unchangedOr(`metadata.name matches the folder (${folderNames.join(", ")})`),
  );
  if (context.existingNamespaceNames && !existing) {
    const existing = new Set(context.existingNamespaceNames);
    rule(
      "name-unique",
      folderNames.filter((n) => existing.has(n)).map((n) => `a namespace or open request named ${n} already exists; names are unique across all clusters`),
      `no other namespace or open request is named ${folderNames.join(", ")}`,
    );
  }
  if (context.author) {
    const rbac = manifests.filter((m) => m.file.endsWith("/01-rbac.yaml") && m.kind === "RoleBinding");
    const changed = rbac
      .flatMap((m) => (Array.isArray(m.doc.subjects) ? m.doc.subjects : []))
      .filter(isRecord)
      .filter((s) => s.kind === "Group" && typeof s.name === "string" && s.name.startsWith("github:"))
      .map((s) => (s.name as string).slice(7));
    const teams = rbac.length === 0 && existing ? [...existing.teams] : changed;
    const member = teams.some((t) => context.author!.teams.includes(t));
    rule(
      "author-in-team",
      teams.length === 0
        ? [rbac.length === 0 && existing ? "the namespace binds no github: team" : "01-rbac.yaml names no github: team"]
        : member
          ? []
          : [
              `the author is not a member of ${teams.join(" or ")}, the team${rbac.length === 0 && existing ? "s the namespace binds" : " named in 01-rbac.yaml"}`,
            ],
      `the author is a member of ${teams.filter((t) => context.author!.teams.includes(t)).join(", ")}`,
    );
  }
  return results;
}
