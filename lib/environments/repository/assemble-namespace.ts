import { clusterNameForDomain, type PlatformProfile } from "../profile/profile";
import { isRecord, type FileFacts, type NamespaceDocument } from "./read-namespace-file";
import type { NamespaceRecord, OtherAccess, Problem } from "../types";
import { namespacesDir } from "../profile/namespaces-dir";

export interface AssembleNamespaceInput {
  profile: PlatformProfile;
  clusterDomain: string;
  name: string;
  /** Every path in the folder, relative to it. */
  paths: string[];
  /** Facts of the files that were read, by relative path. */
  facts: Map<string, FileFacts>;
}

const NAMESPACE_FILE = "00-namespace.yaml";

/** Combines the facts of a folder's files into its record. Never throws. */
export function assembleNamespace(input: AssembleNamespaceInput): NamespaceRecord {
  const { profile, clusterDomain, name, facts } = input;
  const files = [...input.paths].sort();
  const problems: Problem[] = [];
  const teams = new Set<string>();
  const access = new Map<string, OtherAccess>();
  const modules = [];
  const secrets = [];
  const namespaceDocs: NamespaceDocument[] = [];
  for (const file of files) {
    const f = facts.get(file);
    if (!f) continue;
    problems.push(...f.problems);
    for (const team of f.teams) teams.add(team);
    for (const a of f.otherAccess) if (!access.has(`${a.kind}\0${a.name}\0${a.role}`)) access.set(`${a.kind}\0${a.name}\0${a.role}`, a);
    modules.push(...f.modules);
    secrets.push(...f.secrets);
    namespaceDocs.push(...f.namespaceDocs);
  }

  const own = facts.get(NAMESPACE_FILE);
  const doc = namespaceDocs.find((d) => d.file === NAMESPACE_FILE) ?? namespaceDocs[0];
  // A folder without a Namespace document is a platform folder (monitoring holds none): hygiene, not a read failure.
  if (!files.includes(NAMESPACE_FILE)) {
    problems.push({
      file: NAMESPACE_FILE,
      message: doc ? `missing; the Namespace was read from ${doc.file}` : "missing, and no file has a Namespace document: labels and annotations are unknown",
      severity: "warning",
    });
  } else if (own && own.namespaceDocs.length === 0) {
    const what = own.unreadable ? "could not be read" : own.empty ? "empty" : "has no Namespace document";
    problems.push({
      file: NAMESPACE_FILE,
      message: doc ? `${what}; the Namespace was read from ${doc.file}` : `${what}: labels and annotations are unknown`,
      severity: own.unreadable ? "error" : "warning",
    });
  }
  for (const extra of namespaceDocs) {
    if (extra !== doc) problems.push({ file: extra.file, message: `another Namespace document; the one in ${doc!.file} was used`, severity: "warning" });
  }

  const read = labelReader(profile.labelPrefix, doc, problems);
  if (doc && doc.name !== name) {
    problems.push({ file: doc.file, message: `metadata.name is ${JSON.stringify(doc.name ?? null)} but the folder is ${name}`, severity: "warning" });
  }
  const isProductionText = read("is-production", "labels");
  let isProduction = false;
  if (isProductionText === "true") isProduction = true;
  else if (isProductionText !== null && isProductionText !== "false") {
    problems.push({
      file: doc!.file,
      message: `${profile.labelPrefix}/is-production is ${JSON.stringify(isProductionText)}; expected "true" or "false" (read as false)`,
      severity: "warning",
    });
  }

  const text = (value: string | null) => (value === null ? null : detach(value));
  return {
    cluster: clusterNameForDomain(profile, clusterDomain),
    clusterDomain: detach(clusterDomain),
    name: detach(name),
    path: `${namespacesDir(profile)}/${clusterDomain}/${name}`,
    businessUnit: text(read("business-unit", "annotations")),
    environment: text(read("environment-name", "labels")),
    isProduction,
    application: text(read("application", "annotations")),
    owner: text(read("owner", "annotations")),
    teams: [...teams].sort().map(detach),
    otherAccess: [...access.values()]
      .sort((a, b) => compare(a.kind, b.kind) || compare(a.name, b.name) || compare(a.role, b.role))
      .map((a) => ({ kind: a.kind, name: detach(a.name), role: detach(a.role), file: detach(a.file) })),
    slackChannel: text(read("slack-channel", "annotations")),
    teamName: text(read("team-name", "annotations")),
    slackAlertChannel: text(read("slack-alert-channel", "annotations")),
    sourceCode: text(read("source-code", "annotations")),
    reviewAfter: text(read("review-after", "annotations")),
    skipApply: files.includes(profile.skipApplyMarker),
    files: files.map(detach),
    modules: modules.map((m) => ({
      name: detach(m.name),
      module: detach(m.module),
      source: detach(m.source),
      ref: text(m.ref),
      file: detach(m.file),
      ...(m.disabled ? { disabled: true } : {}),
    })),
    secrets: secrets.map((s) => ({
      label: detach(s.label),
      name: s.name === null ? null : detach(s.name),
      keys: s.keys.map(detach),
      modules: s.modules.map(detach),
      file: detach(s.file),
      ...(s.disabled ? { disabled: true } : {}),
    })),
    ...(facts.get("resources/main.tf")?.awsProviders
      ? {
          awsProviders: facts.get("resources/main.tf")!.awsProviders!.map((p) => ({
            alias: p.alias === null ? null : detach(p.alias),
            tags: p.tags === null ? null : p.tags.map(detach),
          })),
        }
      : {}),
    problems: problems.map((p) => ({ file: detach(p.file), message: p.message, severity: p.severity })),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A copy of a string that does not share memory with the text it was cut
 * from. V8 keeps longer substrings as views of their parent, so without this
 * a record's module source would pin its whole .tf file and its file names
 * the whole ls-tree listing (an index of the 5,000-namespace sample: 36 MB
 * of heap without this, 29 MB with it).
 */
function detach(value: string): string {
  return value.length < 13 ? value : (" " + value).slice(1);
}

/**
 * Reads `<prefix>/<key>` from where the format puts it, falling back to the
 * other map (hand-written namespaces mix them up). Empty values read as null;
 * non-string values are kept as text and reported, since Kubernetes rejects them.
 */
function labelReader(prefix: string, doc: NamespaceDocument | undefined, problems: Problem[]) {
  const maps = {
    labels: mapOrEmpty(doc, "labels", problems),
    annotations: mapOrEmpty(doc, "annotations", problems),
  };
  return (key: string, where: "labels" | "annotations"): string | null => {
    const other = where === "labels" ? "annotations" : "labels";
    const full = `${prefix}/${key}`;
    const value = Object.hasOwn(maps[where], full) ? maps[where][full] : maps[other][full];
    if (value === undefined || value === null) return null;
    if (typeof value === "string") return value.trim() === "" ? null : value;
    if (typeof value === "number" || typeof value === "boolean") {
      problems.push({ file: doc!.file, message: `${full} is ${String(value)} unquoted; label and annotation values must be strings`, severity: "warning" });
      return String(value);
    }
    problems.push({ file: doc!.file, message: `${full} is not a string; ignored`, severity: "warning" });
    return null;
  };
}

function mapOrEmpty(doc: NamespaceDocument | undefined, key: "labels" | "annotations", problems: Problem[]): Record<string, unknown> {
  const value = doc?.[key];
  if (value === undefined || value === null) return {};
  if (isRecord(value)) return value;
  problems.push({ file: doc!.file, message: `metadata.${key} is not a mapping; ignored`, severity: "warning" });
  return {};
}
