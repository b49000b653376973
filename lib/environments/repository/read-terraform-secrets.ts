/** A `resource "kubernetes_secret"` block as written: the Secret Terraform would write into the namespace. */
export interface DeclaredSecret {
  /** The resource's label (`resource "kubernetes_secret" "<label>"`). */
  label: string;
  /** `metadata { name = "..." }` when it is a plain string; null for an expression. */
  name: string | null;
  /** The keys of its `data` map, in order. */
  keys: string[];
  /** The module blocks its data reads (`module.<label>.<output>`), in order of first use: the AWS resources it carries. */
  modules: string[];
  /** Written `count = 0`: Terraform creates no Secret. */
  disabled?: boolean;
}

type Token =
  | { kind: "ident"; text: string }
  | { kind: "string"; value: string; literal: boolean }
  | { kind: "open" | "close"; text: string }
  | { kind: "eq" | "newline" | "comma" | "other" };

const IDENT = /[A-Za-z0-9_.-]/;

/**
 * Reads the `kubernetes_secret` (and `kubernetes_secret_v1`) resources of one Terraform file: their
 * names and data keys, never values. Enough HCL for the platform's files (strings with templates,
 * heredocs, the three comment forms, bracket nesting); it never throws, and skips what it cannot read.
 */
export function readTerraformSecrets(text: string): DeclaredSecret[] {
  const tokens = tokenise(text);
  const secrets: DeclaredSecret[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "open") depth++;
    else if (t.kind === "close") depth = Math.max(0, depth - 1);
    if (depth !== 0 || t.kind !== "ident" || t.text !== "resource") continue;
    const type = tokens[i + 1];
    const label = tokens[i + 2];
    if (type?.kind !== "string" || !/^kubernetes_secret(_v1)?$/.test(type.value) || label?.kind !== "string" || tokens[i + 3]?.kind !== "open") continue;
    const end = matching(tokens, i + 3);
    secrets.push({ label: label.value, ...readBody(tokens.slice(i + 4, end)) });
    i = end;
  }
  return secrets;
}

/** The index of the bracket closing the one at `open` (or the end). */
function matching(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "open") depth++;
    else if (t.kind === "close" && --depth === 0) return i;
  }
  return tokens.length;
}

function readBody(body: Token[]): Omit<DeclaredSecret, "label"> {
  let name: string | null = null;
  const keys: string[] = [];
  const modules: string[] = [];
  let disabled = false;
  for (let i = 0; i < body.length; i++) {
    const t = body[i]!;
    if (t.kind === "open") {
      i = matching(body, i);
      continue;
    }
    if (t.kind !== "ident") continue;
    if (t.text === "count" && body[i + 1]?.kind === "eq") {
      const value = body[i + 2];
      disabled = value?.kind === "ident" && value.text === "0" && (body[i + 3] === undefined || body[i + 3]!.kind === "newline");
    } else if (t.text === "metadata" && body[i + 1]?.kind === "open") {
      const end = matching(body, i + 1);
      const inner = body.slice(i + 2, end);
      for (let j = 0; j < inner.length; j++) {
        const u = inner[j]!;
        if (u.kind === "open") j = matching(inner, j);
        else if (u.kind === "ident" && u.text === "name" && inner[j + 1]?.kind === "eq") {
          const value = inner[j + 2];
          name = value?.kind === "string" && value.literal ? value.value : null;
        }
      }
      i = end;
    } else if (t.text === "data" && body[i + 1]?.kind === "eq" && body[i + 2]?.kind === "open") {
      const end = matching(body, i + 2);
      const inner = body.slice(i + 3, end);
      let lineStart = true;
      for (let j = 0; j < inner.length; j++) {
        const u = inner[j]!;
        if (u.kind === "open") {
          const close = matching(inner, j);
          for (const v of inner.slice(j + 1, close)) if (v.kind === "ident") moduleOf(v.text, modules);
          j = close;
          lineStart = false;
          continue;
        }
        if (lineStart && (u.kind === "ident" || (u.kind === "string" && u.literal)) && inner[j + 1]?.kind === "eq") {
          keys.push(u.kind === "ident" ? u.text : u.value);
        }
        if (u.kind === "ident" && !lineStart) moduleOf(u.text, modules);
        lineStart = u.kind === "newline" || u.kind === "comma";
      }
      i = end;
    }
  }
  return { name, keys, modules, ...(disabled ? { disabled } : {}) };
}

function moduleOf(ident: string, modules: string[]): void {
  const label = /^module\.([A-Za-z0-9_-]+)/.exec(ident)?.[1];
  if (label && !modules.includes(label)) modules.push(label);
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n") {
      tokens.push({ kind: "newline" });
      i++;
    } else if (c === " " || c === "\t" || c === "\r") i++;
    else if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '"') {
      const { value, literal, next } = readString(text, i + 1);
      tokens.push({ kind: "string", value, literal });
      i = next;
    } else if (c === "<" && text[i + 1] === "<") {
      const heredoc = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(text.slice(i, i + 200));
      if (!heredoc) {
        tokens.push({ kind: "other" });
        i += 2;
        continue;
      }
      const close = new RegExp(`\\n[ \\t]*${heredoc[1]}[ \\t]*(\\r?\\n|$)`).exec(text.slice(i + heredoc[0].length - 1));
      tokens.push({ kind: "string", value: "", literal: false });
      i = close ? i + heredoc[0].length - 1 + close.index + close[0].length - (close[1] ? close[1].length : 0) : text.length;
    } else if ("{[(".includes(c)) {
      tokens.push({ kind: "open", text: c });
      i++;
    } else if ("}])".includes(c)) {
      tokens.push({ kind: "close", text: c });
      i++;
    } else if (c === "=" && text[i + 1] !== "=") {
      tokens.push({ kind: "eq" });
      i++;
    } else if (c === ":") {
      tokens.push({ kind: "eq" });
      i++;
    } else if (c === ",") {
      tokens.push({ kind: "comma" });
      i++;
    } else if (IDENT.test(c)) {
      let j = i;
      while (j < text.length && IDENT.test(text[j]!)) j++;
      tokens.push({ kind: "ident", text: text.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: "other" });
      i += c === "=" ? 2 : 1;
    }
  }
  return tokens;
}

/** A quoted string from just after its opening quote: its text, whether it holds no template, and where it ends. */
function readString(text: string, start: number): { value: string; literal: boolean; next: number } {
  let value = "";
  let literal = true;
  let i = start;
  while (i < text.length && text[i] !== "\n") {
    const c = text[i]!;
    if (c === "\\") {
      value += text[i + 1] === "n" ? "\n" : (text[i + 1] ?? "");
      i += 2;
    } else if (c === '"') return { value, literal, next: i + 1 };
    else if ((c === "$" || c === "%") && text[i + 1] === "{") {
      literal = false;
      let depth = 0;
      for (; i < text.length; i++) {
        if (text[i] === "{") depth++;
        else if (text[i] === "}" && --depth === 0) break;
        else if (text[i] === '"') i = readString(text, i + 1).next - 1;
      }
      i++;
    } else {
      value += c;
      i++;
    }
  }
  return { value, literal, next: i };
}
