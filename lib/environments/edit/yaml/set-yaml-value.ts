import { isScalar } from "yaml";
import { finishYamlEdit, valuesOf } from "./finish-yaml-edit";
import { replaceScalar } from "./replace-scalar";
import { readYamlSource, YamlEditError } from "./yaml-source";

/**
 * The file with the scalar at `path` of document `docIndex` reading `value`
 * and every other byte as it was (replaceScalar keeps its quoting style where
 * it can). Throws YamlEditError when there is no scalar there or the change
 * would alter anything else (an anchored value its aliases repeat).
 */
export function setYamlValue(text: string, docIndex: number, path: readonly (string | number)[], value: string): string {
  const source = readYamlSource(text);
  const doc = source.docs[docIndex];
  if (!doc || doc.error) throw new YamlEditError(`document ${docIndex + 1} is missing or does not parse`);
  const node = doc.parsed.getIn(path, true);
  if (!isScalar(node)) throw new YamlEditError(`${path.join(".")} is not a single value`);
  const expected = valuesOf(source);
  if (path.length === 0) expected[docIndex] = value;
  else {
    let parent = expected[docIndex] as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[path[path.length - 1]!] = value;
  }
  return finishYamlEdit(source, [replaceScalar(source, node, value)], expected);
}
