import yaml from "js-yaml";
import type { PlatformProfile } from "./profile";
import type { ModuleUse, Problem } from "./types";
import { parseModuleSource } from "./parse-module-source";
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

const YAML_OPTIONS: yaml.LoadOptions = { schema: yaml.CORE_SCHEMA };

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
  let docs: unknown[] = [];
  try {
    docs = yaml.loadAll(text, undefined, YAML_OPTIONS);
  } catch (error) {
    docs = recoverDocuments(file, text, error, facts.problems);
    facts.unreadable = true;
  }
  facts.empty = !facts.unreadable && docs.every((d) => d === null || d === undefined);
  docs.forEach((doc, index) => {
    if (doc === null || doc === undefined) return;
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

/**
 * A malformed stream loses every document to js-yaml; parse document by
 * document instead so the good ones still count, reporting each bad one with
 * its line in the file.
 */
function recoverDocuments(file: string, text: string, error: unknown, problems: Problem[]): unknown[] {
  const docs: unknown[] = [];
  const lines = text.split("\n");
  let start = 0;
  let reported = false;
  const flush = (end: number) => {
    const chunk = lines.slice(start, end).join("\n");
    try {
      docs.push(...yaml.loadAll(chunk, undefined, YAML_OPTIONS));
    } catch (chunkError) {
      problems.push({ file, message: yamlMessage(chunkError, start) });
      reported = true;
    }
  };
  for (let k = 0; k < lines.length; k++) {
    if (k > start && /^---(\s|$)/.test(lines[k]!)) {
      flush(k);
      start = k;
    }
  }
  flush(lines.length);
  if (!reported) problems.push({ file, message: yamlMessage(error, 0) });
  return docs;
}

function yamlMessage(error: unknown, lineOffset: number): string {
  if (error instanceof yaml.YAMLException) {
    const line = error.mark?.line;
    const where = typeof line === "number" ? ` on line ${line + 1 + lineOffset}` : "";
    return `malformed YAML${where}: ${error.reason || error.message}`;
  }
  return `malformed YAML: ${error instanceof Error ? error.message : String(error)}`;
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
