import { parseAllDocuments } from "yaml";

/** Test helper: the documents of a YAML stream as plain values; throws at the first malformed one, as a strict reader would. */
export function loadAllYaml(text: string): unknown[] {
  return Array.from(parseAllDocuments(text), (doc) => {
    if (doc.errors[0]) throw doc.errors[0];
    return doc.toJS();
  });
}
