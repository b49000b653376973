import { nextLineStart, YamlEditError, type Splice, type YamlSource } from "./yaml-source";

/**
 * The splice that removes document `index` of a stream of several: its text
 * with its own `---` line, or, for the first document, its text and the
 * next document's `---` line. Comments before the first document stay. A
 * file without a final line break keeps having none.
 */
export function removeDocument(source: YamlSource, index: number): Splice {
  const { text, docs } = source;
  const doc = docs[index];
  if (!doc || docs.length < 2) throw new YamlEditError("the file has no other document; delete the file instead");
  const [start, , end] = doc.parsed.range;
  if (index > 0) {
    if (end === text.length && !text.endsWith("\n")) {
      const from = text[start - 2] === "\r" ? start - 2 : start - 1;
      return { from: Math.max(from, 0), to: end, insert: "" };
    }
    return { from: start, to: end, insert: "" };
  }
  const next = docs[1]!.parsed.range[0];
  if (!/^---[ \t]*(#.*)?(\r?\n|$)/.test(text.slice(next))) throw new YamlEditError("the next document's --- line holds content; change the file by hand");
  return { from: start, to: nextLineStart(text, next), insert: "" };
}
