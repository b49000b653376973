import type { PlatformProfile } from "../profile/profile";
import type { ModuleUse, Problem } from "../types";
import { parseModuleSource } from "./parse-module-source";
import { parseYamlDocuments } from "./parse-yaml-documents";
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
  teams: string[];
  modules: ModuleUse[];
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
  const facts: FileFacts = { namespaceDocs: [], teams: [], modules: [], problems: [], empty: false };
  const kind = namespaceFileKind(relPath);
  if (!kind) return facts;
  const text = decode(contents);
  if (text === null) {
    facts.unreadable = true;
    facts.problems.push({ file: relPath, message: "binary content where text was expected; the file was not read" });
    return facts;
  }
  if (kind === "yaml") {
    if (/\.yml$/i.test(relPath)) facts.problems.push({ file: relPath, message: "use .yaml: .yml breaks the apply pipeline" });
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
    if (error) facts.problems.push({ file, message: `malformed YAML on line ${error.line}: ${error.message}` });
  }
  if (docs.some((d) => d.error)) facts.unreadable = true;
  facts.empty = !facts.unreadable && docs.every((d) => d.value === null || d.value === undefined);
  docs.forEach(({ value: doc, error }, index) => {
    if (error || doc === null || doc === undefined) return;
    if (typeof doc !== "object" || Array.isArray(doc)) {
      facts.problems.push({ file, message: `document ${index + 1} is not a Kubernetes object (expected a mapping)` });
      return;
    }
    const obj = doc as Record<string, unknown>;
    if (obj.kind === "Namespace") {
      const metadata = isRecord(obj.metadata) ? obj.metadata : {};
      facts.namespaceDocs.push({ file, name: metadata.name, labels: metadata.labels, annotations: metadata.annotations });
    } else if (obj.kind === "RoleBinding" && Array.isArray(obj.subjects)) {
      for (const subject of obj.subjects) {
        if (!isRecord(subject) || subject.kind !== "Group" || typeof subject.name !== "string") continue;
        if (subject.name.startsWith("github:") && subject.name.length > 7) facts.teams.push(subject.name.slice(7));
      }
    }
  });
}

function readTerraform(file: string, text: string, profile: PlatformProfile, facts: FileFacts): void {
  const scan = scanTerraformModules(text);
  for (const p of scan.problems) facts.problems.push({ file, message: p.message });
  for (const block of scan.modules) {
    if (block.source === null) {
      const why = block.sourceIsExpression ? "a source that is not a plain string" : "no source";
      facts.problems.push({ file, message: `module "${block.name}" on line ${block.line} has ${why}; it was not counted` });
      continue;
    }
    const parts = parseModuleSource(block.source, profile.modulePrefix);
    facts.modules.push({
      name: block.name,
      module: parts.module,
      source: block.source,
      ref: parts.ref ?? block.version,
      file,
    });
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
