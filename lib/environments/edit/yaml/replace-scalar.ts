import { Scalar } from "yaml";
import { escapeYaml } from "../../render/escape-yaml";
import { isPlainPrintable } from "../../render/unrepresentable-text";
import { nextLineStart, YamlEditError, type Splice, type YamlSource } from "./yaml-source";

const YAML_11_WORDS = /^(y|yes|n|no|true|false|on|off|null)$/i;

/**
 * True when `value` reads back as the same string written plain, in YAML 1.2
 * and in the YAML 1.1 readers along the pipeline (PyYAML, Kubernetes): it
 * starts with a letter (no number, date or indicator), holds no space, `#`,
 * `,` or bracket, does not end with `:` and is not a 1.1 boolean or null.
 */
export function isPlainSafe(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9._/@+:=-]*$/.test(value) && !value.endsWith(":") && !YAML_11_WORDS.test(value);
}

function isPrintableLine(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) continue; // pairs: checked by escapeYaml's caller rules
    if (!isPlainPrintable(c)) return false;
  }
  return true;
}

/** `value` as a scalar in the style of `node` where that style can hold it exactly, else double-quoted. */
export function scalarLike(type: Scalar["type"], value: string): string {
  if (type === Scalar.PLAIN && isPlainSafe(value)) return value;
  if (type === Scalar.QUOTE_SINGLE && isPrintableLine(value)) return `'${value.replaceAll("'", "''")}'`;
  return escapeYaml(value);
}

/**
 * The splice that makes scalar `node` read `value`, keeping its quoting style
 * where it can hold the value (plain, single- or double-quoted, or a `>-`/`|-`
 * block scalar's one content line at its indentation) and its tag, anchor and
 * trailing comment. Other block scalars become double-quoted, on the header's line.
 */
export function replaceScalar(source: YamlSource, node: Scalar, value: string): Splice {
  const { text } = source;
  const range = node.range;
  if (!range) throw new YamlEditError("the value has no position in the file");
  if (node.type !== Scalar.BLOCK_FOLDED && node.type !== Scalar.BLOCK_LITERAL) {
    const written = scalarLike(node.type, value);
    if (range[0] !== range[1]) return { from: range[0], to: range[1], insert: written };
    // An empty value (`key:`, maybe with a comment after it): written right after the colon, one space from it.
    let at = range[0];
    while (at > 0 && (text[at - 1] === " " || text[at - 1] === "\t")) at--;
    return { from: at, to: at, insert: ` ${written}` };
  }
  // A block scalar: its header line, then its content lines (range[1] ends after them, blank lines included).
  const contentStart = nextLineStart(text, range[0]);
  let contentEnd = range[1];
  while (contentEnd > contentStart && /\s/.test(text[contentEnd - 1]!)) contentEnd--;
  const header = text.slice(range[0], contentStart).trim();
  const firstLine = text
    .slice(contentStart, contentEnd)
    .split(/\r?\n/)
    .find((line) => line.trim() !== "");
  const indent = firstLine === undefined ? "" : /^[ ]*/.exec(firstLine)![0];
  const oneLine = value !== "" && value.trim() === value && isPrintableLine(value);
  if (/^[>|]-(\s+#.*)?$/.test(header) && indent !== "" && oneLine) {
    return { from: contentStart, to: contentEnd, insert: indent + value };
  }
  return { from: range[0], to: contentEnd, insert: escapeYaml(value) };
}
