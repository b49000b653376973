import type { HclAttribute, HclBlock } from "./hcl-tree";
import { indentAt, isBlankLine, leadingComments, lineEnd, lineStart, newlineOf, nextLine, restIsComment, splice } from "./hcl-text";

/** The text with the attribute's value (its expression, not any comment after it) replaced by `valueText`. */
export function setHclAttribute(text: string, attribute: HclAttribute, valueText: string): string {
  return splice(text, attribute.valueStart, attribute.valueEnd, valueText);
}

/**
 * The text with `name = valueText` added to the block on a line of its own,
 * after the attribute `after` (default: the block's last attribute), in that
 * line's indentation, its `=` aligned with its neighbours' when theirs are
 * aligned and the name fits. Null when the block is written on one line.
 */
export function addHclAttribute(text: string, block: HclBlock, name: string, valueText: string, after?: string): string | null {
  const newline = newlineOf(text);
  const anchor = (after ? block.attributes.find((a) => a.name === after) : undefined) ?? block.attributes.at(-1);
  if (!anchor) {
    if (!text.slice(block.open, block.close).includes("\n")) return null;
    const indent = `${indentAt(text, block.start)}  `;
    return splice(text, lineEnd(text, block.open), lineEnd(text, block.open), `${newline}${indent}${name} = ${valueText}`);
  }
  const at = lineEnd(text, anchor.end);
  if (at >= block.close || !restIsComment(text, anchor.end)) return null;
  const indent = indentAt(text, anchor.start);
  return splice(text, at, at, `${newline}${indent}${name}${padding(text, block, anchor, name)}= ${valueText}`);
}

/** Spaces before `=`: the column the anchor and a neighbour share, when they share one past a single space. */
function padding(text: string, block: HclBlock, anchor: HclAttribute, name: string): string {
  const column = (a: HclAttribute) => text.indexOf("=", a.start + a.name.length) - a.start;
  const i = block.attributes.indexOf(anchor);
  const neighbours = [block.attributes[i - 1], block.attributes[i + 1]].filter((a): a is HclAttribute => a !== undefined);
  const aligned = column(anchor) > anchor.name.length + 1 || neighbours.some((n) => column(n) === column(anchor) && column(n) > n.name.length + 1);
  const width = column(anchor);
  return aligned && width > name.length ? " ".repeat(width - name.length) : " ";
}

/**
 * The text without the attribute: its whole lines, with the comment lines
 * directly above it, when it stands on lines of its own; null when it shares
 * a line with something else (the caller asks for a hand edit).
 */
export function removeHclAttribute(text: string, attribute: HclAttribute): string | null {
  const start = lineStart(text, attribute.start);
  if (text.slice(start, attribute.start).trim() !== "" || !restIsComment(text, attribute.end)) return null;
  const from = leadingComments(text, start);
  const to = nextLine(text, attribute.end);
  const blankBefore = from > 0 && isBlankLine(text, lineStart(text, from - 1));
  // A blank line that now follows another blank line (or the block's `{`) goes too, so no double gap is left behind.
  const extra = blankBefore && isBlankLine(text, to) ? nextLine(text, to) - to : 0;
  return splice(text, from, to + extra, "");
}
