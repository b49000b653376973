import { isDeepStrictEqual } from "node:util";
import { parseYamlDocuments } from "../../repository/parse-yaml-documents";
import { applySplices, YamlEditError, type Splice, type YamlSource } from "./yaml-source";

/**
 * The file's text with the splices made, checked: every document must still
 * parse and read exactly `expected` (the values before, with the intended
 * change made to them), so a splice that changed more than asked (an
 * anchor's aliases, a key's neighbour) is refused rather than written.
 */
export function finishYamlEdit(source: YamlSource, splices: readonly Splice[], expected: readonly unknown[]): string {
  if (splices.length === 0) return source.text;
  const text = applySplices(source.text, splices);
  const docs = parseYamlDocuments(text);
  const broken = docs.find((d) => d.error);
  if (broken) throw new YamlEditError(`the edited file would not parse (line ${broken.error!.line}: ${broken.error!.message})`);
  const values = docs.map((d) => d.value);
  if (!isDeepStrictEqual(values, expected)) throw new YamlEditError("the edit would change more than the values asked for");
  return text;
}

/**
 * The documents' values, to be changed into what an edit expects (see
 * finishYamlEdit). Copied without sharing: an alias's copy of an anchored
 * value stays as it was when the anchor is edited, so such an edit is refused.
 */
export function valuesOf(source: YamlSource): unknown[] {
  return source.docs.map((d) => copyTree(d.value));
}

function copyTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyTree);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyTree(v)]));
  return value;
}
