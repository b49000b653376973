import { escapeHcl } from "../../render/escape-hcl";

/** A value a form can write: every string is escaped, so user text never becomes HCL syntax. */
export type EditableValue = string | number | boolean | string[];

/**
 * The HCL text of a value. A list keeps the layout of the value it replaces:
 * one item a line (with the trailing comma if the old one had it) when the
 * old value spanned lines, `["a", "b"]` otherwise.
 */
export function formatHclValue(value: EditableValue, layout?: { previous: string; indent: string; newline: string }): string {
  if (typeof value === "string") return escapeHcl(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`${value} is not a number HCL can hold`);
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  const items = value.map(escapeHcl);
  if (!layout || !layout.previous.includes("\n") || items.length === 0) return `[${items.join(", ")}]`;
  const { previous, indent, newline } = layout;
  const itemIndent = /\n([ \t]*)\S/.exec(previous)?.[1] ?? `${indent}  `;
  const trailing = /,\s*\]$/.test(previous);
  return `[${newline}${items.map((i) => `${itemIndent}${i}`).join(`,${newline}`)}${trailing ? "," : ""}${newline}${indent}]`;
}
