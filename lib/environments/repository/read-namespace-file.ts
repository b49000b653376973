import type { PlatformProfile } from "../profile/profile";
import type { AwsProviderTags, ModuleUse, OtherAccess, Problem, TerraformSecret } from "../types";
import { parseModuleSource } from "./parse-module-source";
import { parseYamlDocuments } from "./parse-yaml-documents";
import { readTerraformSecrets } from "./read-terraform-secrets";
import { scanProviderTags } from "./scan-provider-tags";
import { scanTerraformModules } from "./scan-terraform-modules";

/** File contents as a string or raw bytes (from git). */
export type FileContents = string | Uint8Array;

/** A `kind: Namespace` document, as found. */
export interface NamespaceDocument {
  file: string;
  name: unknown;
  labels: unknown;
  annotations: unknown;
}

/** What one file contributes to its namespace. Depends only on its path and contents. */
export interface FileFacts {
  namespaceDocs: NamespaceDocument[];
  /** Teams bound to ClusterRole `admin`: the owners. */
  teams: string[];
  otherAccess: OtherAccess[];
  modules: ModuleUse[];
  secrets: TerraformSecret[];
  /** resources/main.tf only: its aws providers and their default tags' keys. */
  awsProviders?: AwsProviderTags[];
  problems: Problem[];
  /** True when the file holds nothing but whitespace and comments. */
  empty: boolean;
  /** True when the file is malformed or binary, so some of it was not read. */
  unreadable?: boolean;
}

/**
 * Which files of a namespace folder are read: the manifests at its top (what
 * the apply pipeline applies; YAML further down, e.g. Terraform templates, is
 * not Kubernetes input) and the Terraform files directly in resources/ (the
 * root module; deeper folders are local modules).
 */
export function namespaceFileKind(relPath: string): "yaml" | "terraform" | null {
  if (!relPath.includes("/")) return /\.ya?ml$/i.test(relPath) ? "yaml" : null;
  if (relPath.startsWith("resources/") && relPath.indexOf("/", 10) < 0 && relPath.endsWith(".tf")) return "terraform";
  return null;
}

/** Reads one file of a namespace folder. Never throws. */
export function readNamespaceFile(relPath: string, contents: FileContents, profile: PlatformProfile): FileFacts {
  const facts: FileFacts = { namespaceDocs: [], teams: [], otherAccess: [], modules: [], secrets: [], problems: [], empty: false };
  const kind = namespaceFileKind(relPath);
  if (!kind) return facts;
  const text = decode(contents);
  if (text === null) {
    facts.unreadable = true;
    facts.problems.push({ file: relPath, message: "binary content where text was expected; the file was not read", severity: "error" });
    return facts;
  }
  if (kind === "yaml") {
    if (/\.yml$/i.test(relPath)) {
      // The apply pipeline applies .yml too; only the policy check (conftest, *.yaml) misses it.
      facts.problems.push({
        file: relPath,
        message: "use .yaml: the repository's policy check reads only *.yaml, so this manifest escapes it",
        severity: "warning",
      });
    }
    readManifests(relPath, text, facts);
  } else {
    readTerraform(relPath, text, profile, facts);
  }
  return facts;
}

function decode(contents: FileContents): string | null {
  if (typeof contents === "string") return contents.includes("\0") ? null : contents;
  const bytes = Buffer.isBuffer(contents) ? contents : Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength);
  if (bytes.subarray(0, 8000).includes(0)) return null;
  return bytes.toString("utf8");
}

function readManifests(file: string, text: string, facts: FileFacts): void {
  const docs = parseYamlDocuments(text);
  for (const { error } of docs) {
    if (error) facts.problems.push({ file, message: `malformed YAML on line ${error.line}: ${error.message}`, severity: "error" });
  }
  if (docs.some((d) => d.error)) facts.unreadable = true;
  facts.empty = !facts.unreadable && docs.every((d) => d.value === null || d.value === undefined);
  docs.forEach(({ value: doc, error }, index) => {
    if (error || doc === null || doc === undefined) return;
    if (typeof doc !== "object" || Array.isArray(doc)) {
      facts.problems.push({ file, message: `document ${index + 1} is not a Kubernetes object (expected a mapping)`, severity: "error" });
      return;
    }
    const obj = doc as Record<string, unknown>;
    if (obj.kind === "Namespace") {
      const metadata = isRecord(obj.metadata) ? obj.metadata : {};
      facts.namespaceDocs.push({ file, name: metadata.name, labels: metadata.labels, annotations: metadata.annotations });
    } else if (obj.kind === "RoleBinding" && Array.isArray(obj.subjects)) {
      readRoleBinding(file, obj, facts);
    }
  });
}

/**
 * Owners are the teams a RoleBinding binds to ClusterRole `admin` (the
 * platform's definition); teams on narrower roles, and single users on any,
 * have access without owning.
 */
function readRoleBinding(file: string, binding: Record<string, unknown>, facts: FileFacts): void {
  const ref = isRecord(binding.roleRef) ? binding.roleRef : {};
  const roleKind = typeof ref.kind === "string" ? ref.kind : "Role";
  const roleName = typeof ref.name === "string" ? ref.name : "?";
  const admin = roleKind === "ClusterRole" && roleName === "admin";
  for (const subject of binding.subjects as unknown[]) {
    if (!isRecord(subject) || typeof subject.name !== "string") continue;
    const name = subject.name.trim();
    if (subject.kind === "Group") {
      if (!name.startsWith("github:") || name.length <= 7) continue;
      // Note: only an admin binding makes a team an owner, and owners may request changes (lib/auth/policy.ts).
      if (admin) facts.teams.push(name.slice(7));
      else facts.otherAccess.push({ kind: "team", name: name.slice(7), role: `${roleKind}/${roleName}`, file });
    } else if (subject.kind === "User" && name !== "") {
      facts.otherAccess.push({ kind: "user", name: name.replace(/^github:/, ""), role: `${roleKind}/${roleName}`, file });
    }
  }
}

function readTerraform(file: string, text: string, profile: PlatformProfile, facts: FileFacts): void {
  const scan = scanTerraformModules(text);
  for (const p of scan.problems) facts.problems.push({ file, message: p.message, severity: "error" });
  for (const block of scan.modules) {
    if (block.source === null) {
      const why = block.sourceIsExpression ? "a source that is not a plain string" : "no source";
      facts.problems.push({ file, message: `module "${block.name}" on line ${block.line} has ${why}; it was not counted`, severity: "error" });
      continue;
    }
    const parts = parseModuleSource(block.source, profile.modulePrefix);
    facts.modules.push({
      name: block.name,
      module: parts.module,
      source: block.source,
      ref: parts.ref ?? block.version,
      file,
      // Note: only a literal 0 is known to be off; `count = <expression>` is taken as enabled,
      // since the block is pinned and reviewed like any other and is on in most environments.
      ...(block.count === 0 ? { disabled: true } : {}),
    });
  }
  if (text.includes("kubernetes_secret")) for (const secret of readTerraformSecrets(text)) facts.secrets.push({ ...secret, file });
  if (file === "resources/main.tf") facts.awsProviders = scanProviderTags(text);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
