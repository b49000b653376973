import { isPlainPrintable, unicodeEscape, unrepresentableText, UnrepresentableValueError } from "./unrepresentable-text";

const SHORT: Record<number, string> = { 0x22: '\\"', 0x5c: "\\\\", 0x0a: "\\n", 0x09: "\\t", 0x0d: "\\r" };

/**
 * An HCL quoted string that Terraform reads as exactly `value`, with no
 * interpolation: `\` and `"` are escaped, line breaks and other
 * non-printables become `\n`, `\t`, `\r` or `\uXXXX`, and the template
 * introducers `${` and `%{` are doubled to `$${` and `%%{` (HCL's literal
 * forms). Throws UnrepresentableValueError for NUL and unpaired surrogates.
 */
export function escapeHcl(value: string): string {
  const reason = unrepresentableText(value);
  if (reason) throw new UnrepresentableValueError(reason);
  let out = '"';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      i++;
      continue;
    }
    if ((c === 0x24 || c === 0x25) && value.charCodeAt(i + 1) === 0x7b) {
      // Note: `${` / `%{` would start a template expression (e.g. `${file("/etc/passwd")}`); doubling makes it literal.
      out += value.slice(start, i + 1) + value[i];
      start = i + 1;
      continue;
    }
    if (isPlainPrintable(c) && c !== 0x22 && c !== 0x5c) continue;
    out += value.slice(start, i) + (SHORT[c] ?? unicodeEscape(c));
    start = i + 1;
  }
  return out + value.slice(start) + '"';
}
