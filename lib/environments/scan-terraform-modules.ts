/** A `module "<name>" { ... }` block as written, before its source is interpreted. */
export interface ModuleBlock {
  name: string;
  /** The literal `source` string; null when missing or not a plain string. */
  source: string | null;
  /** The literal `version` string, if any. */
  version: string | null;
  /** True when `source` is present but an expression rather than a plain string. */
  sourceIsExpression: boolean;
  /** 1-based line of the `module` keyword. */
  line: number;
}

export interface ScanProblem {
  line: number;
  message: string;
}

export interface TerraformScan {
  modules: ModuleBlock[];
  problems: ScanProblem[];
}

type Token =
  | { kind: "ident"; text: string; line: number }
  | { kind: "string"; value: string; literal: boolean; line: number }
  | { kind: "open" | "close"; text: string; line: number }
  | { kind: "eq" | "newline" | "other"; line: number };

const CLOSER: Record<string, string> = { "{": "}", "[": "]", "(": ")" };
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;
const HEREDOC_START = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/;
const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

/**
 * Finds the top-level `module` blocks of one Terraform file and their
 * `source`/`version` attributes. A scanner, not a parser: it understands just
 * enough HCL (strings with escapes and `${...}`/`%{...}` templates, heredocs,
 * the three comment forms, bracket nesting) that text inside strings, heredocs
 * and comments never looks like a block. It never throws: malformed input
 * yields problems with line numbers and whatever was read before and after.
 */
export function scanTerraformModules(text: string): TerraformScan {
  const problems: ScanProblem[] = [];
  const tokens = tokenise(text, problems);
  return { modules: findModules(tokens, problems), problems };
}

function tokenise(text: string, problems: ScanProblem[]): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;

  /** Scans a quoted template starting after its opening quote; returns the index after the closing quote. */
  const scanQuoted = (start: number, startLine: number): { end: number; value: string; literal: boolean } => {
    let j = start;
    let value = "";
    let literal = true;
    while (j < n) {
      const c = text[j]!;
      if (c === '"') return { end: j + 1, value, literal };
      if (c === "\n") break;
      if (c === "\\") {
        const e = text[j + 1];
        if (e === "u" || e === "U") {
          const len = e === "u" ? 4 : 8;
          const hex = text.slice(j + 2, j + 2 + len);
          const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
          value += code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
          j += 2 + len;
        } else {
          value += e !== undefined && e in ESCAPES ? ESCAPES[e] : (e ?? "");
          j += 2;
        }
        continue;
      }
      if ((c === "$" || c === "%") && text[j + 1] === c && text[j + 2] === "{") {
        value += c + "{";
        j += 3;
        continue;
      }
      if ((c === "$" || c === "%") && text[j + 1] === "{") {
        literal = false;
        const end = scanTemplateExpression(j + 2);
        if (end < 0) {
          problems.push({ line: startLine, message: `unterminated "${c}{" in the string that starts on line ${startLine}` });
          return { end: n, value, literal };
        }
        value += text.slice(j, end);
        j = end;
        continue;
      }
      value += c;
      j++;
    }
    problems.push({ line: startLine, message: `unterminated string starting on line ${startLine}` });
    return { end: j, value, literal };
  };

  /** Skips a `${ ... }` expression (nested braces and strings); returns the index after `}`, or -1. */
  const scanTemplateExpression = (start: number): number => {
    let depth = 0;
    let j = start;
    while (j < n) {
      const c = text[j]!;
      if (c === "\n") line++;
      if (c === '"') {
        const inner = scanQuoted(j + 1, line);
        j = inner.end;
        continue;
      }
      if (c === "{") depth++;
      else if (c === "}") {
        if (depth === 0) return j + 1;
        depth--;
      }
      j++;
    }
    return -1;
  };

  while (i < n) {
    const c = text[i]!;
    if (c === "\n") {
      tokens.push({ kind: "newline", line });
      line++;
      i++;
    } else if (c === " " || c === "\t" || c === "\r" || c === "\uFEFF") {
      i++;
    } else if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? n : end;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const startLine = line;
      const stop = end < 0 ? n : end + 2;
      line += countNewlines(text, i, stop);
      if (end < 0) problems.push({ line: startLine, message: `unterminated /* comment starting on line ${startLine}` });
      i = stop;
    } else if (c === '"') {
      const startLine = line;
      const s = scanQuoted(i + 1, startLine);
      tokens.push({ kind: "string", value: s.value, literal: s.literal, line: startLine });
      i = s.end;
    } else if (c === "<" && text[i + 1] === "<" && HEREDOC_START.test(text.slice(i, i + 200))) {
      const m = HEREDOC_START.exec(text.slice(i, i + 200))!;
      const marker = m[2]!;
      const startLine = line;
      let j = i + m[0].length;
      line++;
      let closed = false;
      while (j < n) {
        const eol = text.indexOf("\n", j);
        const lineEnd = eol < 0 ? n : eol;
        if (text.slice(j, lineEnd).trim() === marker) {
          closed = true;
          j = lineEnd;
          break;
        }
        if (eol < 0) {
          j = n;
          break;
        }
        j = eol + 1;
        line++;
      }
      if (!closed) problems.push({ line: startLine, message: `unterminated heredoc <<${marker} starting on line ${startLine}` });
      tokens.push({ kind: "string", value: "", literal: false, line: startLine });
      i = j;
    } else if (c === "{" || c === "[" || c === "(") {
      tokens.push({ kind: "open", text: c, line });
      i++;
    } else if (c === "}" || c === "]" || c === ")") {
      tokens.push({ kind: "close", text: c, line });
      i++;
    } else if (c === "=" && text[i + 1] !== "=" && text[i + 1] !== ">") {
      tokens.push({ kind: "eq", line });
      i++;
    } else if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(text[j]!)) j++;
      tokens.push({ kind: "ident", text: text.slice(i, j), line });
      i = j;
    } else {
      tokens.push({ kind: "other", line });
      i += c === "=" ? 2 : 1;
    }
  }
  return tokens;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) count++;
  return count;
}

/** Walks the tokens with a bracket stack; collects top-level module blocks. */
function findModules(tokens: Token[], problems: ScanProblem[]): ModuleBlock[] {
  const modules: ModuleBlock[] = [];
  const stack: { text: string; line: number }[] = [];
  let current: { block: ModuleBlock; depth: number } | null = null;
  let atLineStart = true;

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === "newline") {
      atLineStart = true;
      continue;
    }
    const lineStart = atLineStart;
    atLineStart = false;

    if (t.kind === "open") {
      stack.push({ text: t.text, line: t.line });
      if (t.text === "{") atLineStart = true;
    } else if (t.kind === "close") {
      const top = stack[stack.length - 1];
      if (!top || CLOSER[top.text] !== t.text) {
        problems.push({ line: t.line, message: `unexpected "${t.text}" on line ${t.line}` });
        continue;
      }
      stack.pop();
      if (current && stack.length < current.depth) current = null;
    } else if (t.kind === "ident" && stack.length === 0 && lineStart && t.text === "module") {
      const label = tokens[k + 1];
      const brace = tokens[k + 2];
      const name = label?.kind === "string" ? label.value : label?.kind === "ident" ? label.text : null;
      if (name === null || brace?.kind !== "open" || brace.text !== "{") {
        problems.push({ line: t.line, message: `module block on line ${t.line} is not of the form module "<name>" {` });
        continue;
      }
      const block: ModuleBlock = { name, source: null, version: null, sourceIsExpression: false, line: t.line };
      modules.push(block);
      current = { block, depth: 1 };
      k += 1;
    } else if (t.kind === "ident" && current && stack.length === current.depth && lineStart) {
      if ((t.text === "source" || t.text === "version") && tokens[k + 1]?.kind === "eq") {
        const value = tokens[k + 2];
        const after = tokens[k + 3];
        const single = !after || after.kind === "newline" || (after.kind === "close" && after.text === "}");
        if (value?.kind === "string" && value.literal && single) {
          current.block[t.text] = value.value;
        } else if (t.text === "source") {
          current.block.sourceIsExpression = true;
        } else {
          problems.push({
            line: t.line,
            message: `module "${current.block.name}": ${t.text} on line ${t.line} is not a plain string`,
          });
        }
        k += 1;
      }
    }
  }
  for (const open of stack) {
    problems.push({ line: open.line, message: `"${open.text}" opened on line ${open.line} is never closed` });
  }
  return modules;
}
