import { formatHclKey } from "../../render/default-tag-value";
import type { HclAttribute } from "./hcl-tree";
import type { HclObjectEntry } from "./hcl-value";
import { indentAt, lineEnd, lineStart, newlineOf, nextLine, restIsComment, splice } from "./hcl-text";

export { formatHclKey };

/**
 * The text with an object attribute's entries made `desired` (key -> HCL
 * value text, in order): kept entries keep their bytes, changed ones get the
 * new value, dropped ones lose their lines and new ones are added after the
 * last entry in its indentation and alignment. An object written on one line
 * (or with entries sharing lines) is written again, one entry a line.
 * Null when the attribute is not a plain object, or is one that would
 * have to be written again and has comments in it.
 */
export function setHclObjectEntries(text: string, attribute: HclAttribute, desired: ReadonlyMap<string, string>): string | null {
  if (attribute.value.kind !== "object") return null;
  const entries = attribute.value.entries;
  const ownLines =
    entries.every((e, i) => i === 0 || lineStart(text, e.start) > entries[i - 1]!.end) && entries.every((e) => restIsComment(text, after(text, e)));
  if (!attribute.valueText.includes("\n") || !ownLines) {
    // Writing the object again would lose its comments.
    if (attribute.value.comments) return null;
    return splice(text, attribute.valueStart, attribute.valueEnd, rewrite(text, attribute, desired));
  }
  const newline = newlineOf(text);
  let out = text;
  const added = [...desired].filter(([key]) => !entries.some((e) => e.key === key));
  const kept = entries.filter((e) => desired.has(e.key));
  if (added.length > 0) {
    const anchor = kept.at(-1);
    const at = anchor ? lineEnd(text, anchor.end) : lineEnd(text, attribute.valueStart);
    const indent = anchor ? indentAt(text, anchor.start) : `${indentAt(text, attribute.start)}  `;
    const comma = anchor && text[after(text, anchor)] === "," ? "," : "";
    const column = anchor ? text.indexOf("=", anchor.start) - anchor.start : 0;
    const lines = added.map(([key, value]) => {
      const k = formatHclKey(key);
      const pad = column > k.length + 1 ? " ".repeat(column - k.length) : " ";
      return `${newline}${indent}${k}${pad}= ${value}${comma}`;
    });
    out = splice(out, at, at, lines.join(""));
  }
  for (const entry of [...entries].reverse()) {
    const value = desired.get(entry.key);
    if (value === undefined) out = splice(out, lineStart(out, entry.start), nextLine(out, entry.end), "");
    else if (value !== entry.valueText) out = splice(out, entry.end - entry.valueText.length, entry.end, value);
  }
  return out;
}

/** Index after an entry and its spaces (where a comma would be). */
function after(text: string, entry: HclObjectEntry): number {
  let i = entry.end;
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
}

function rewrite(text: string, attribute: HclAttribute, desired: ReadonlyMap<string, string>): string {
  if (desired.size === 0) return "{}";
  const newline = newlineOf(text);
  const indent = indentAt(text, attribute.start);
  const keys = [...desired.keys()].map(formatHclKey);
  const width = Math.max(...keys.map((k) => k.length));
  const lines = [...desired.values()].map((value, i) => `${indent}  ${keys[i]!.padEnd(width)} = ${value}`);
  return `{${newline}${lines.join(newline)}${newline}${indent}}`;
}
