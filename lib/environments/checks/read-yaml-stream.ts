import { parseAllDocuments } from "yaml";

/**
 * A YAML stream read as the repository's CI reads it (PyYAML's safe loader):
 * syntax errors only. Duplicate keys and tags the loader does not know are
 * not errors here, unlike Berth's own stricter reading of manifests.
 */
export function readYamlStream(text: string): { values: unknown[]; error: { line: number; message: string } | null } {
  const docs = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, logLevel: "silent", lineCounter: undefined });
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const offset = error.pos[0];
      const line = text.slice(0, offset).split("\n").length;
      return { values: [], error: { line, message: error.message.split("\n")[0]! } };
    }
  }
  return { values: list.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown), error: null };
}
