import { isPlainPrintable, unicodeEscape, unrepresentableText, UnrepresentableValueError } from "./unrepresentable-text";

const SHORT: Record<number, string> = { 0x22: '\\"', 0x5c: "\\\\", 0x0a: "\\n", 0x09: "\\t", 0x0d: "\\r" };

/**
 * A YAML double-quoted scalar that reads back as exactly `value`. Always
 * quoted: a plain scalar could become a number, boolean, null, anchor, alias,
 * tag, comment, key or document marker. Inside the quotes `"` and `\` are
 * escaped, and every character YAML treats as a line break or does not allow
 * unescaped (controls, C1, U+2028/2029, BOM, non-characters) is escaped as
 * `\n`, `\t`, `\r` or `\uXXXX`, so the scalar is one line. Throws
 * UnrepresentableValueError for NUL and unpaired surrogates.
 */
export function escapeYaml(value: string): string {
  const reason = unrepresentableText(value);
  if (reason) throw new UnrepresentableValueError(reason);
  let out = '"';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      i++; // a valid pair (checked above): an astral character, printable
      continue;
    }
    if (isPlainPrintable(c) && c !== 0x22 && c !== 0x5c) continue;
    out += value.slice(start, i) + (SHORT[c] ?? unicodeEscape(c));
    start = i + 1;
  }
  return out + value.slice(start) + '"';
}

const YAML_11_WORDS = new Set(["y", "yes", "n", "no", "true", "false", "on", "off", "null"]);

/**
 * A scalar written plain when that cannot be misread — a lower-case name such
 * as a namespace, or a Kubernetes quantity such as `1000m` — and quoted with
 * escapeYaml otherwise. Plain keeps the files looking like the repository's
 * hand-written ones; the YAML 1.1 words (`no`, `on`...) are quoted because
 * Kubernetes' YAML reader still turns them into booleans.
 */
export function yamlScalar(value: string): string {
  if (/^[a-z][a-z0-9-]*$/.test(value) && !YAML_11_WORDS.has(value)) return value;
  if (/^[0-9]+(m|k|Ki|Mi|Gi|Ti|M|G|T)$/.test(value)) return value;
  return escapeYaml(value);
}
