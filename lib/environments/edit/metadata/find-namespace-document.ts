import { isMap, type YAMLMap } from "yaml";
import { namespaceFileKind } from "../../repository/read-namespace-file";
import type { NamespaceFolder } from "../edit-operation";
import { readYamlSource, type YamlSource } from "../yaml/yaml-source";

/** The folder's `kind: Namespace` document, where a metadata edit writes. */
export interface NamespaceDocumentAt {
  /** Path relative to the folder. */
  file: string;
  source: YamlSource;
  index: number;
  metadata: YAMLMap;
}

/** The first readable Namespace document of the folder's manifests (00-namespace.yaml first), or why there is none. */
export function findNamespaceDocument(folder: NamespaceFolder): NamespaceDocumentAt | string {
  const files = [...folder.files.keys()].filter((f) => namespaceFileKind(f) === "yaml").sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  for (const file of files) {
    const source = readYamlSource(folder.files.get(file)!);
    const index = source.docs.findIndex((d) => (d.value as { kind?: unknown } | null)?.kind === "Namespace");
    if (index < 0) continue;
    const doc = source.docs[index]!;
    if (doc.error) return `${file} does not parse (line ${doc.error.line}: ${doc.error.message}); fix it first`;
    const metadata = doc.parsed.get("metadata", true);
    if (!isMap(metadata)) return `the Namespace document in ${file} has no metadata mapping`;
    return { file, source, index, metadata };
  }
  return "the folder has no Namespace document (kind: Namespace) whose metadata Berth could change";
}

function rank(file: string): number {
  return file === "00-namespace.yaml" ? 0 : 1;
}
