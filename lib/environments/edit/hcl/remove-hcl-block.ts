import type { HclBlock } from "./hcl-tree";
import { isBlankLine, leadingComments, lineStart, nextLine } from "./hcl-text";

/**
 * The text without the block: from the comment lines directly above it to
 * the end of its closing line, and one of the blank lines that separated it
 * from its neighbours (the one after it, or, at the end of the file, the one
 * before it). A file without a final newline still has none.
 */
export function removeHclBlock(text: string, block: HclBlock): string {
  let from = leadingComments(text, lineStart(text, block.start));
  let to = nextLine(text, block.end);
  if (isBlankLine(text, to)) to = nextLine(text, to);
  else if (to >= text.length && from > 0 && isBlankLine(text, lineStart(text, from - 1))) from = lineStart(text, from - 1);
  const out = text.slice(0, from) + text.slice(to);
  const hadFinalNewline = text.endsWith("\n");
  if (!hadFinalNewline && out.endsWith("\n")) return out.replace(/\r?\n$/, "");
  return out;
}
