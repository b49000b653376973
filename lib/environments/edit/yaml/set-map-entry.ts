import { isScalar, type Pair, type YAMLMap } from "yaml";
import { escapeYaml } from "../../render/escape-yaml";
import { isPlainSafe, replaceScalar, scalarLike } from "./replace-scalar";
import { columnOf, insertLines, lineStart, nextLineStart, YamlEditError, type Splice, type YamlSource } from "./yaml-source";

/** The key of a pair as text, or null for a key that is not a scalar. */
export function keyText(pair: Pair): string | null {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : null;
}

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyText(p) === key);
}

function writeKey(key: string): string {
  return isPlainSafe(key) ? key : escapeYaml(key);
}

/** Offset of the start of the line after the pair (its value and any comment on the value's last line). */
function afterPair(source: YamlSource, pair: Pair): number {
  const node = (pair.value ?? pair.key) as { range?: [number, number, number] } | null;
  const end = node?.range?.[1];
  if (end === undefined) throw new YamlEditError("an entry of the mapping has no position in the file");
  return source.text[end - 1] === "\n" ? end : nextLineStart(source.text, end);
}

/**
 * Where a new key goes in a block mapping: after the nearest key before it
 * in `order`, else before the nearest key after it, else after the last
 * entry. Returns the line offset and the keys' column.
 */
function placeFor(source: YamlSource, map: YAMLMap, key: string, order: readonly string[]): { at: number; column: number; neighbour: Pair } {
  if (map.flow) throw new YamlEditError("the mapping is written in flow style ({ ... }); add the entry by hand");
  const pairs = map.items as Pair[];
  const first = pairs[0];
  const firstKeyAt = (first?.key as { range?: number[] } | null)?.range?.[0];
  if (!first || firstKeyAt === undefined) throw new YamlEditError("the mapping has no entries to place the new one beside");
  const column = columnOf(source.text, firstKeyAt);
  const rank = (p: Pair) => order.indexOf(keyText(p) ?? "");
  const mine = order.indexOf(key);
  const before = pairs.filter((p) => rank(p) >= 0 && rank(p) < mine).sort((a, b) => rank(b) - rank(a))[0];
  if (before) return { at: afterPair(source, before), column, neighbour: before };
  const after = pairs.filter((p) => rank(p) > mine).sort((a, b) => rank(a) - rank(b))[0];
  if (after && mine >= 0) return { at: lineStart(source.text, (after.key as { range: number[] }).range[0]!), column, neighbour: after };
  const last = pairs[pairs.length - 1]!;
  return { at: afterPair(source, last), column, neighbour: last };
}

/**
 * The splice that makes `key` read `value` in a block mapping: its scalar
 * replaced in place (replaceScalar), or a new `key: value` line at the
 * mapping's indentation, placed by `order` (see placeFor), its value quoted
 * like its neighbour's. Null when the key already has that value.
 */
export function setMapEntry(source: YamlSource, map: YAMLMap, key: string, value: string, order: readonly string[] = []): Splice | null {
  const pair = findPair(map, key);
  if (pair) {
    if (!isScalar(pair.value)) throw new YamlEditError(`${key} does not hold a single value`);
    if (pair.value.value === value) return null;
    return replaceScalar(source, pair.value, value);
  }
  const { at, column, neighbour } = placeFor(source, map, key, order);
  const style = isScalar(neighbour.value) ? neighbour.value.type : undefined;
  return insertLines(source, at, [`${" ".repeat(column)}${writeKey(key)}: ${scalarLike(style, value)}`]);
}

/**
 * The splice that adds `key:` holding a new block mapping of `entries` to a
 * block mapping, placed by `order`, the entries indented `step` columns
 * further; or, when `key:` is there with nothing after it, the entries on
 * the lines after it.
 */
export function addChildMap(
  source: YamlSource,
  map: YAMLMap,
  key: string,
  entries: readonly (readonly [string, string])[],
  order: readonly string[],
  step: number,
): Splice {
  const lines = (column: number) => entries.map(([k, v]) => `${" ".repeat(column + step)}${writeKey(k)}: ${escapeYaml(v)}`);
  const existing = findPair(map, key);
  if (existing) {
    const empty = isScalar(existing.value) && existing.value.value === null && existing.value.source === "";
    if (!empty) throw new YamlEditError(`${key} is not a block mapping (it may be written { ... }); change it by hand`);
    const keyAt = (existing.key as { range: number[] }).range[0]!;
    return insertLines(source, nextLineStart(source.text, keyAt), lines(columnOf(source.text, keyAt)));
  }
  const { at, column } = placeFor(source, map, key, order);
  return insertLines(source, at, [`${" ".repeat(column)}${writeKey(key)}:`, ...lines(column)]);
}
