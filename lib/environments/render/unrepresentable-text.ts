/**
 * Why a user's value cannot be written into a YAML or HCL file safely, or
 * null when it can. Everything else can be escaped; these are refused rather
 * than changed, because a silently altered value is a different value.
 */
export function unrepresentableText(value: string): string | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // Note: NUL ends strings in C-based tools along the pipeline (git, kubectl, terraform); refuse it outright.
    if (c === 0) return "contains a NUL character";
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return "contains an unpaired UTF-16 surrogate (not valid Unicode)";
    }
    if (c >= 0xdc00 && c <= 0xdfff) return "contains an unpaired UTF-16 surrogate (not valid Unicode)";
  }
  return null;
}

/** A value that no escaping can write faithfully (see unrepresentableText). */
export class UnrepresentableValueError extends Error {
  constructor(readonly reason: string) {
    super(`value cannot be written safely: it ${reason}`);
    this.name = "UnrepresentableValueError";
  }
}

/** True for a character written as is inside a double-quoted string: printable, not a line or paragraph separator, not a BOM. */
export function isPlainPrintable(c: number): boolean {
  if (c >= 0x20 && c <= 0x7e) return true;
  if (c < 0xa0) return false;
  if (c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
  // Surrogates are checked in pairs by the caller; U+FFFE and U+FFFF are non-characters.
  return c <= 0xfffd;
}

/** `\uXXXX` for a UTF-16 code unit below U+10000. */
export function unicodeEscape(c: number): string {
  return `\\u${c.toString(16).toUpperCase().padStart(4, "0")}`;
}
