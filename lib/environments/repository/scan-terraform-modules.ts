/** A `module "<name>" { ... }` block as written, before its source is interpreted. */
export interface ModuleBlock {
  name: string;
  /** The literal `source` string; null when missing or not a plain string. */
  source: string | null;
  /** The literal `version` string, if any. */
  version: string | null;
  /** True when `source` is present but an expression rather than a plain string. */
  sourceIsExpression: boolean;
  /** `count` when it is a plain number, `"expression"` when it is anything else, null when the block has none. */
  count: number | "expression" | null;
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

/**
 * Finds the top-level `module` blocks of one Terraform file and their
 * `source`/`version`/`count` attributes. A scanner, not a parser: it understands just
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

/**
 * Tokens at bracket depth 0 and 1 only: module blocks sit at depth 0 and
 * their source/version at depth 1, so deeper tokens are scanned (to keep
 * strings and brackets straight) but not materialised. `depth` is the depth a
 * token sits at: for an opening bracket before it opens, for a closing one
 * after it closes.
 */
type Token =
  | { kind: "ident"; text: string; line: number; depth: number }
  | { kind: "string"; value: string; literal: boolean; line: number; depth: number }
  | { kind: "number"; text: string; line: number; depth: number }
  | { kind: "open" | "close"; text: string; line: number; depth: number }
  | { kind: "eq" | "newline" | "other"; line: number; depth: number };

const NL = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const PERCENT = 37;
const STAR = 42;
const SLASH = 47;
const LT = 60;
const EQ = 61;
const GT = 62;
const BACKSLASH = 92;
const BOM = 0xfeff;
const OPENERS = "{[(";
const CLOSERS = "}])";
/** Runs of text that matter only when tokens are materialised: everything but quotes, comments, brackets, newlines and heredocs. */
const UNINTERESTING = /[^"#/\n{}[\]()<]+/y;
const HEREDOC_START = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === 45;
}

function tokenise(text: string, problems: ScanProblem[]): Token[] {
  const tokens: Token[] = [];
  const stack: { code: number; line: number }[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  // Results of the last scanQuoted call.
  let quotedValue = "";
  let quotedLiteral = true;
  // Without the word "module" there is nothing to find, only mistakes to report: materialise no tokens.
  const emitDepth = text.includes("module") ? 1 : -1;

  /** Scans a quoted template from after its opening quote; returns the index after the closing quote. */
  const scanQuoted = (start: number, startLine: number, wantValue: boolean): number => {
    let j = start;
    let segment = start;
    let value = "";
    let literal = true;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        quotedValue = wantValue ? value + text.slice(segment, j) : "";
        quotedLiteral = literal;
        return j + 1;
      }
      if (c === NL) break;
      if (c === BACKSLASH) {
        const e = text[j + 1];
        let decoded = e ?? "";
        let length = 2;
        if (e === "u" || e === "U") {
          length = e === "u" ? 6 : 10;
          const hex = text.slice(j + 2, j + length);
          const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === length - 2 ? parseInt(hex, 16) : NaN;
          decoded = code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
        } else if (e !== undefined && e in ESCAPES) decoded = ESCAPES[e]!;
        if (wantValue) value += text.slice(segment, j) + decoded;
        j += length;
        segment = j;
        continue;
      }
      if ((c === DOLLAR || c === PERCENT) && text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === 123) {
        if (wantValue) value += text.slice(segment, j + 1) + "{";
        j += 3;
        segment = j;
        continue;
      }
      if ((c === DOLLAR || c === PERCENT) && text.charCodeAt(j + 1) === 123) {
        literal = false;
        const end = scanTemplateExpression(j + 2);
        if (end < 0) {
          problems.push({ line: startLine, message: `unterminated "${text[j]}{" in the string that starts on line ${startLine}` });
          quotedValue = "";
          quotedLiteral = false;
          return n;
        }
        j = end;
        continue;
      }
      j++;
    }
    problems.push({ line: startLine, message: `unterminated string starting on line ${startLine}` });
    quotedValue = wantValue ? value + text.slice(segment, j) : "";
    quotedLiteral = literal;
    return j;
  };

  /** Skips a `${ ... }` expression (nested braces and strings); returns the index after `}`, or -1. */
  const scanTemplateExpression = (start: number): number => {
    let depth = 0;
    let j = start;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === NL) line++;
      else if (c === QUOTE) {
        j = scanQuoted(j + 1, line, false);
        continue;
      } else if (c === 123) depth++;
      else if (c === 125) {
        if (depth === 0) return j + 1;
        depth--;
      }
      j++;
    }
    return -1;
  };

  while (i < n) {
    const depth = stack.length;
    if (depth > emitDepth) {
      UNINTERESTING.lastIndex = i;
      if (UNINTERESTING.test(text)) {
        i = UNINTERESTING.lastIndex;
        if (i >= n) break;
      }
    }
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === CR || c === BOM) {
      i++;
    } else if (c === NL) {
      if (depth <= emitDepth) tokens.push({ kind: "newline", line, depth });
      line++;
      i++;
    } else if (c === HASH || (c === SLASH && text.charCodeAt(i + 1) === SLASH)) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? n : end;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      if (end < 0) problems.push({ line, message: `unterminated /* comment starting on line ${line}` });
      line += countNewlines(text, i, stop);
      i = stop;
    } else if (c === QUOTE) {
      const startLine = line;
      i = scanQuoted(i + 1, startLine, depth <= emitDepth);
      if (depth <= emitDepth) tokens.push({ kind: "string", value: quotedValue, literal: quotedLiteral, line: startLine, depth });
    } else if (c === LT && text.charCodeAt(i + 1) === LT && ((HEREDOC_START.lastIndex = i), HEREDOC_START.test(text))) {
      const marker = text.slice(i, HEREDOC_START.lastIndex).replace(/^<<-?/, "").trim();
      const startLine = line;
      const bodyStart = HEREDOC_START.lastIndex;
      const end = findHeredocEnd(text, bodyStart, marker);
      if (end < 0) problems.push({ line: startLine, message: `unterminated heredoc <<${marker} starting on line ${startLine}` });
      const stop = end < 0 ? n : end;
      line += 1 + countNewlines(text, bodyStart, stop);
      if (depth <= emitDepth) tokens.push({ kind: "string", value: "", literal: false, line: startLine, depth });
      i = stop;
    } else if (OPENERS.includes(text[i]!)) {
      if (depth <= emitDepth) tokens.push({ kind: "open", text: text[i]!, line, depth });
      stack.push({ code: c, line });
      i++;
    } else if (CLOSERS.includes(text[i]!)) {
      const top = stack[depth - 1];
      if (!top || CLOSERS.indexOf(text[i]!) !== OPENERS.indexOf(String.fromCharCode(top.code))) {
        problems.push({ line, message: `unexpected "${text[i]}" on line ${line}` });
      } else {
        stack.pop();
        if (depth - 1 <= emitDepth) tokens.push({ kind: "close", text: text[i]!, line, depth: depth - 1 });
      }
      i++;
    } else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      if (depth <= emitDepth) tokens.push({ kind: "ident", text: text.slice(i, j), line, depth });
      i = j;
    } else if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && /[0-9.eE]/.test(text[j]!)) j++;
      if (depth <= emitDepth) tokens.push({ kind: "number", text: text.slice(i, j), line, depth });
      i = j;
    } else if (c === EQ && text.charCodeAt(i + 1) !== EQ && text.charCodeAt(i + 1) !== GT) {
      if (depth <= emitDepth) tokens.push({ kind: "eq", line, depth });
      i++;
    } else {
      if (depth <= emitDepth) tokens.push({ kind: "other", line, depth });
      i += c === EQ ? 2 : 1;
    }
  }
  for (const open of stack) {
    problems.push({ line: open.line, message: `"${String.fromCharCode(open.code)}" opened on line ${open.line} is never closed` });
  }
  return tokens;
}

/** Index of the end of the line that closes a heredoc (the marker alone, maybe indented), or -1. */
function findHeredocEnd(text: string, from: number, marker: string): number {
  let at = from;
  for (;;) {
    const hit = text.indexOf(marker, at);
    if (hit < 0) return -1;
    const lineStart = text.lastIndexOf("\n", hit - 1) + 1;
    const eol = text.indexOf("\n", hit);
    const lineEnd = eol < 0 ? text.length : eol;
    if (lineStart >= from && text.slice(lineStart, lineEnd).trim() === marker) return lineEnd;
    at = hit + marker.length;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf("\n", from); k >= 0 && k < to; k = text.indexOf("\n", k + 1)) count++;
  return count;
}

/** Collects top-level module blocks and their depth-1 source/version/count attributes. */
function findModules(tokens: Token[], problems: ScanProblem[]): ModuleBlock[] {
  const modules: ModuleBlock[] = [];
  let current: ModuleBlock | null = null;
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
      if (t.text === "{") atLineStart = true;
    } else if (t.kind === "close") {
      if (t.depth === 0) current = null;
    } else if (t.kind === "ident" && t.depth === 0 && lineStart && t.text === "module") {
      const label = tokens[k + 1];
      const brace = tokens[k + 2];
      const name = label?.kind === "string" ? label.value : label?.kind === "ident" ? label.text : null;
      if (name === null || brace?.kind !== "open" || brace.text !== "{") {
        problems.push({ line: t.line, message: `module block on line ${t.line} is not of the form module "<name>" {` });
        continue;
      }
      current = { name, source: null, version: null, sourceIsExpression: false, count: null, line: t.line };
      modules.push(current);
      k += 2;
      atLineStart = true;
    } else if (t.kind === "ident" && current && t.depth === 1 && lineStart) {
      if ((t.text === "source" || t.text === "version") && tokens[k + 1]?.kind === "eq") {
        const value = tokens[k + 2];
        const after = tokens[k + 3];
        const single = !after || after.kind === "newline" || (after.kind === "close" && after.depth === 0);
        if (value?.kind === "string" && value.literal && single) {
          current[t.text] = value.value;
        } else if (t.text === "source") {
          current.sourceIsExpression = true;
        } else {
          problems.push({ line: t.line, message: `module "${current.name}": version on line ${t.line} is not a plain string` });
        }
        k += 1;
      } else if (t.text === "count" && tokens[k + 1]?.kind === "eq") {
        const value = tokens[k + 2];
        const after = tokens[k + 3];
        const single = !after || after.kind === "newline" || (after.kind === "close" && after.depth === 0);
        const number = value?.kind === "number" ? value.text : value?.kind === "string" && value.literal ? value.value : null;
        current.count = single && number !== null && /^\d+$/.test(number) ? Number(number) : "expression";
        k += 1;
      }
    }
  }
  return modules;
}
