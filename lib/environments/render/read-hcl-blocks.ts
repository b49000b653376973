/** One top-level block of a Terraform file: `module "x" { ... }`, `resource "t" "n" { ... }`, `variable "v" { ... }`. */
export interface HclBlock {
  type: string;
  labels: string[];
  /** Attributes directly inside the block: name -> expression text (comments blanked, strings kept). */
  attributes: Map<string, string>;
  /** Nested blocks and map attributes one level down (`data = { ... }`, `metadata { ... }`): name -> their attributes. */
  nested: Map<string, Map<string, string>>;
  /** The block's text with strings emptied and comments dropped: where references are looked for. */
  code: string;
  /** 1-based line of the block's first token. */
  line: number;
}

/**
 * Reads the top-level blocks of a Terraform file well enough to check what
 * Berth writes: strings (with escapes), the three comment forms and bracket
 * nesting are respected; heredocs and templates are not interpreted (Berth
 * writes neither; escapeHcl doubles `${`). Attribute values are the text up
 * to the end of the line, or to the matching bracket when one opens.
 */
export function readHclBlocks(text: string): HclBlock[] {
  const code = stripCommentsAndStrings(text);
  const blocks: HclBlock[] = [];
  const header = /^([A-Za-z_][\w-]*)((?:[ \t]+"[^"\n]*")*)[ \t]*\{/gm;
  let match: RegExpExecArray | null;
  while ((match = header.exec(code.skeleton))) {
    if (depthAt(code.skeleton, match.index) !== 0) continue;
    const open = match.index + match[0].length - 1;
    const close = matchingBracket(code.skeleton, open);
    const labels = [...text.slice(match.index, open).matchAll(/"([^"\n]*)"/g)].map((m) => m[1]!);
    const bodySkeleton = code.skeleton.slice(open + 1, close);
    const { attributes, nested } = readBody(code.plain.slice(open + 1, close), bodySkeleton);
    blocks.push({ type: match[1]!, labels, attributes, nested, code: bodySkeleton, line: text.slice(0, match.index).split("\n").length });
    header.lastIndex = close + 1;
  }
  return blocks;
}

/** `var.X` and `module.x.y` references in code (a block's `code`). */
export function referencesIn(code: string): { variables: string[]; outputs: { module: string; output: string }[] } {
  const variables = [...code.matchAll(/(?<![\w.])var\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]!);
  const outputs = [...code.matchAll(/(?<![\w.])module\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)/g)].map((m) => ({ module: m[1]!, output: m[2]! }));
  return { variables, outputs };
}

function readBody(text: string, skeleton: string): Pick<HclBlock, "attributes" | "nested"> {
  const attributes = new Map<string, string>();
  const nested = new Map<string, Map<string, string>>();
  const line = /^[ \t]*([A-Za-z_][\w-]*)[ \t]*(=)?[ \t]*(\{)?/gm;
  let match: RegExpExecArray | null;
  while ((match = line.exec(skeleton))) {
    if (depthAt(skeleton, match.index) !== 0) continue;
    const name = match[1]!;
    const start = match.index + match[0].length - (match[3] ? 1 : 0);
    if (match[3] && !match[2]) {
      const close = matchingBracket(skeleton, start);
      nested.set(name, readBody(text.slice(start + 1, close), skeleton.slice(start + 1, close)).attributes);
      line.lastIndex = close + 1;
      continue;
    }
    if (!match[2]) continue;
    const lineEnd = skeleton.indexOf("\n", start) === -1 ? skeleton.length : skeleton.indexOf("\n", start);
    const opens = /[[{(]/.exec(skeleton.slice(start, lineEnd));
    const end = opens ? Math.max(lineEnd, matchingBracket(skeleton, start + opens.index) + 1) : lineEnd;
    attributes.set(name, text.slice(start, end).trim());
    if (match[3]) nested.set(name, readBody(text.slice(start + 1, end - 1), skeleton.slice(start + 1, end - 1)).attributes);
    line.lastIndex = end;
  }
  return { attributes, nested };
}

function depthAt(skeleton: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = skeleton[i];
    if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") depth--;
  }
  return depth;
}

function matchingBracket(skeleton: string, open: number): number {
  let depth = 0;
  for (let i = open; i < skeleton.length; i++) {
    const c = skeleton[i];
    if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return skeleton.length;
}

/**
 * The text with every comment and every string's contents replaced by spaces
 * (newlines kept, quotes kept), so offsets line up with the original and no
 * bracket or reference inside a string or comment counts; and the text with
 * only comments blanked, for attribute values.
 */
function stripCommentsAndStrings(text: string): { skeleton: string; plain: string } {
  const out = text.split("");
  const plain = text.split("");
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
    } else if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      const j = text.indexOf("\n", i);
      blank(i, j === -1 ? text.length : j);
      for (let k = i; k < (j === -1 ? text.length : j); k++) plain[k] = " ";
      i = j === -1 ? text.length : j;
    } else if (c === "/" && text[i + 1] === "*") {
      const j = text.indexOf("*/", i + 2);
      blank(i, j === -1 ? text.length : j + 2);
      for (let k = i; k < (j === -1 ? text.length : j + 2); k++) if (plain[k] !== "\n") plain[k] = " ";
      i = j === -1 ? text.length : j + 2;
    } else i++;
  }
  return { skeleton: out.join(""), plain: plain.join("") };
}
