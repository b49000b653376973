import type { HclNode } from "./load-hcl-parser";

/**
 * An attribute's value as a form can show and write it: a plain literal
 * (string, number, bool, list of strings, an object of such entries), or
 * `expression` for anything else (a reference, a local, a function call,
 * a template, a heredoc, a list with comments in it), which is read-only.
 */
export type HclValue =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "list"; value: string[] }
  | { kind: "object"; entries: HclObjectEntry[]; comments: boolean }
  | { kind: "expression" };

/** One `key = value` of an object value, with its ranges in the file. */
export interface HclObjectEntry {
  key: string;
  start: number;
  end: number;
  valueText: string;
  value: HclValue;
}

/** The value of an `expression` node. */
export function readHclValue(expression: HclNode, text: string): HclValue {
  const node = expression.firstNamedChild;
  if (!node || expression.namedChildCount !== 1) return { kind: "expression" };
  if (node.type === "literal_value") {
    const literal = node.firstNamedChild!;
    if (literal.type === "numeric_lit") return { kind: "number", value: Number(literal.text) };
    if (literal.type === "bool_lit") return { kind: "bool", value: literal.text === "true" };
    if (literal.type === "string_lit") return { kind: "string", value: decodeHclString(literal.text) };
    return { kind: "expression" };
  }
  const negative = node.type === "operation" ? node.firstNamedChild : null;
  if (negative?.type === "unary_operation" && negative.text.startsWith("-") && negative.firstNamedChild?.firstNamedChild?.type === "numeric_lit") {
    return { kind: "number", value: -Number(negative.firstNamedChild.text) };
  }
  if (node.type !== "collection_value") return { kind: "expression" };
  const collection = node.firstNamedChild!;
  const comments = collection.namedChildren.some((c) => c?.type === "comment");
  if (collection.type === "tuple") {
    if (comments) return { kind: "expression" };
    const items = collection.namedChildren.filter((c) => c?.type === "expression").map((c) => readHclValue(c!, text));
    return items.every((i) => i.kind === "string") ? { kind: "list", value: items.map((i) => (i as { value: string }).value) } : { kind: "expression" };
  }
  if (collection.type !== "object") return { kind: "expression" };
  const entries: HclObjectEntry[] = [];
  for (const elem of collection.namedChildren) {
    if (elem?.type !== "object_elem") continue;
    const [keyNode, valueNode] = elem.namedChildren.filter((c) => c?.type === "expression");
    if (!keyNode || !valueNode) return { kind: "expression" };
    const key = readHclValue(keyNode, text);
    const bare = keyNode.firstNamedChild?.type === "variable_expr" && keyNode.firstNamedChild.namedChildCount === 1;
    if (key.kind !== "string" && !bare) return { kind: "expression" };
    entries.push({
      key: key.kind === "string" ? key.value : keyNode.text,
      start: elem.startIndex,
      end: elem.endIndex,
      valueText: valueNode.text,
      value: readHclValue(valueNode, text),
    });
  }
  return { kind: "object", entries, comments };
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

/** The string a quoted HCL literal (with its quotes) stands for: escapes read, `$${` and `%%{` undoubled. */
export function decodeHclString(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|([$%])\2\{/g, (_, escape: string | undefined, introducer: string | undefined) => {
    if (introducer) return `${introducer}{`;
    if (escape!.length > 1) return String.fromCodePoint(parseInt(escape!.slice(1), 16));
    return ESCAPES[escape!] ?? escape!;
  });
}
