import type { HclNode, HclParser } from "./load-hcl-parser";
import { readHclValue, type HclValue } from "./hcl-value";

/** An attribute `name = value` of a block, with its ranges (JavaScript string indices) in the file. */
export interface HclAttribute {
  name: string;
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  valueText: string;
  value: HclValue;
}

/** A block `type "label" ... { ... }`, with its ranges; `open` is the index of `{`, `close` that of `}`. */
export interface HclBlock {
  type: string;
  labels: string[];
  start: number;
  end: number;
  open: number;
  close: number;
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

/** A `module.<name>.<output>` reference (`module.<name>[i].<output>`, or `module.<name>` alone with output "") and where it is. */
export interface HclModuleReference {
  module: string;
  output: string;
  start: number;
}

/**
 * A Terraform file read into plain objects with the byte ranges an edit
 * needs. The tree-sitter tree is freed before this returns (its memory
 * lives in WebAssembly and is not garbage-collected).
 */
export interface HclFile {
  text: string;
  blocks: HclBlock[];
  references: HclModuleReference[];
  /** True when tree-sitter met text it could not parse: such a file is refused for editing. */
  hasErrors: boolean;
}

export function parseHcl(parser: HclParser, text: string): HclFile {
  const tree = parser.parse(text);
  try {
    const root = tree.rootNode;
    const body = root.namedChildren.find((c) => c?.type === "body");
    const references: HclModuleReference[] = [];
    collectReferences(root, references);
    return { text, blocks: body ? readBlocks(body, text) : [], references, hasErrors: root.hasError };
  } finally {
    tree.delete();
  }
}

function readBlocks(body: HclNode, text: string): HclBlock[] {
  return body.namedChildren.filter((c) => c?.type === "block").map((b) => readBlock(b!, text));
}

function readBlock(node: HclNode, text: string): HclBlock {
  const children = node.namedChildren.filter((c): c is HclNode => c !== null);
  const body = children.find((c) => c.type === "body");
  return {
    type: children[0]!.text,
    labels: children
      .filter((c) => c.type === "string_lit" || (c.type === "identifier" && c !== children[0]))
      .map((c) => (c.type === "string_lit" ? c.text.slice(1, -1) : c.text)),
    start: node.startIndex,
    end: node.endIndex,
    open: children.find((c) => c.type === "block_start")!.startIndex,
    close: children.find((c) => c.type === "block_end")?.startIndex ?? node.endIndex,
    attributes: body ? body.namedChildren.filter((c) => c?.type === "attribute").map((a) => readAttribute(a!, text)) : [],
    blocks: body ? readBlocks(body, text) : [],
  };
}

function readAttribute(node: HclNode, text: string): HclAttribute {
  const name = node.firstNamedChild!;
  const expression = node.namedChildren.find((c) => c?.type === "expression")!;
  return {
    name: name.text,
    start: node.startIndex,
    end: node.endIndex,
    valueStart: expression.startIndex,
    valueEnd: expression.endIndex,
    valueText: expression.text,
    value: readHclValue(expression, text),
  };
}

function collectReferences(node: HclNode, out: HclModuleReference[]): void {
  if (node.type === "expression") {
    const [head, first] = node.namedChildren;
    if (head?.type === "variable_expr" && head.text === "module" && first?.type === "get_attr") {
      // `module.x[0].y` (a counted block) and `module.x` alone (depends_on) are references too; output "" for the latter.
      const output = node.namedChildren.slice(2).find((c) => c?.type === "get_attr");
      out.push({ module: first.lastNamedChild!.text, output: output?.lastNamedChild?.text ?? "", start: node.startIndex });
    }
  }
  for (const child of node.namedChildren) if (child) collectReferences(child, out);
}

/** The module blocks labelled `label` (several when a file is wrong: the caller refuses that). */
export function findModuleBlocks(file: HclFile, label: string): HclBlock[] {
  return file.blocks.filter((b) => b.type === "module" && b.labels[0] === label);
}

export function findAttribute(block: HclBlock, name: string): HclAttribute | undefined {
  return block.attributes.find((a) => a.name === name);
}

/** 1-based line of a string index. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
