/** Line-level helpers for splicing Terraform text while keeping each file's own habits (CRLF, no final newline). */

export function newlineOf(text: string): "\n" | "\r\n" {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

export function lineStart(text: string, index: number): number {
  return text.lastIndexOf("\n", index - 1) + 1;
}

/** Index of the line break ending the line that holds `index` (`\r\n`'s `\r`), or the text's length. */
export function lineEnd(text: string, index: number): number {
  const n = text.indexOf("\n", index);
  if (n === -1) return text.length;
  return n > 0 && text[n - 1] === "\r" ? n - 1 : n;
}

/** Index just past the line break ending the line that holds `index`. */
export function nextLine(text: string, index: number): number {
  const n = text.indexOf("\n", index);
  return n === -1 ? text.length : n + 1;
}

/** The whitespace a line starts with. */
export function indentAt(text: string, index: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, index)))![0];
}

export function isBlankLine(text: string, start: number): boolean {
  return start < text.length && text.slice(start, lineEnd(text, start)).trim() === "";
}

/** True when only a comment (or nothing) follows `index` on its line. */
export function restIsComment(text: string, index: number): boolean {
  const rest = text.slice(index, lineEnd(text, index)).trim();
  return rest === "" || rest.startsWith("#") || rest.startsWith("//");
}

/** Start of the run of whole-line comments (hash, double-slash or block comments) directly above the line at `start` (no blank line between), or `start`. */
export function leadingComments(text: string, start: number): number {
  let at = start;
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    const line = text.slice(previous, lineEnd(text, previous)).trim();
    if (line.endsWith("*/")) {
      // A /* ... */ comment that starts a line of its own.
      const open = text.lastIndexOf("/*", previous + text.slice(previous).indexOf("*/"));
      if (open === -1 || text.slice(lineStart(text, open), open).trim() !== "") break;
      at = lineStart(text, open);
      continue;
    }
    if (!(line.startsWith("#") || line.startsWith("//"))) break;
    at = previous;
  }
  return at;
}

export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}
