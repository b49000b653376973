import type { Node, YAMLSeq } from "yaml";
import { columnOf, insertLines, lineStart, nextLineStart, YamlEditError, type Splice, type YamlSource } from "./yaml-source";

function rangeOf(node: unknown): [number, number, number] {
  const range = (node as Node | null)?.range;
  if (!range) throw new YamlEditError("an item of the list has no position in the file");
  return range;
}

/** Offset where the line after the item starts (the item's value and any comment on its last line). */
function itemEnd(source: YamlSource, item: unknown): number {
  const end = rangeOf(item)[1];
  return source.text[end - 1] === "\n" ? end : nextLineStart(source.text, end);
}

/** The `- ` prefix of a block sequence item: the dash's indentation and the spaces after it; null when the item does not start its line that way. */
function dashOf(source: YamlSource, item: unknown): { indent: number; gap: number } | null {
  const start = rangeOf(item)[0];
  const prefix = /^([ ]*)-([ ]+)$/.exec(source.text.slice(lineStart(source.text, start), start));
  return prefix ? { indent: prefix[1]!.length, gap: prefix[2]!.length } : null;
}

/**
 * The splice that appends an item to a block sequence after its last item,
 * written like that item: same dash indentation and spacing, `lines` (the
 * item's text, one entry a line, without indentation) aligned under the first.
 */
export function appendSeqItem(source: YamlSource, seq: YAMLSeq, lines: readonly string[]): Splice {
  const last = seq.items[seq.items.length - 1];
  if (seq.flow || last === undefined) throw new YamlEditError("the list is empty or written in flow style ([ ... ]); change it by hand");
  const dash = dashOf(source, last);
  if (!dash) throw new YamlEditError("the list's last item does not start its own line; change it by hand");
  const content = columnOf(source.text, rangeOf(last)[0]);
  const written = lines.map((line, i) => (i === 0 ? `${" ".repeat(dash.indent)}-${" ".repeat(dash.gap)}${line}` : `${" ".repeat(content)}${line}`));
  return insertLines(source, itemEnd(source, last), written);
}

/** The splice that removes item `index` of a block sequence: its lines, from its dash to the end of its last line (a comment there included). */
export function removeSeqItem(source: YamlSource, seq: YAMLSeq, index: number): Splice {
  const item = seq.items[index];
  if (seq.flow || item === undefined) throw new YamlEditError("the list is written in flow style ([ ... ]); change it by hand");
  if (!dashOf(source, item)) throw new YamlEditError("the item does not start its own line; change it by hand");
  const from = lineStart(source.text, rangeOf(item)[0]);
  const to = itemEnd(source, item);
  // The last line of a file without a final line break: take the break before the item instead.
  if (to === source.text.length && !source.text.endsWith("\n") && from > 0) {
    const before = source.text[from - 2] === "\r" ? from - 2 : from - 1;
    return { from: before, to, insert: "" };
  }
  return { from, to, insert: "" };
}
