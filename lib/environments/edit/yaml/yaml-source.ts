import { parseYamlDocuments, type YamlDocument } from "../../repository/parse-yaml-documents";

/** A YAML file as an edit in place sees it: its text, its line ending and its documents with their source ranges. */
export interface YamlSource {
  text: string;
  /** The file's own line ending: `\r\n` when it uses any, else `\n`. New lines are written with it. */
  eol: "\n" | "\r\n";
  docs: YamlDocument[];
}

/** Bytes to put in place of `text.slice(from, to)`; `from === to` inserts. */
export interface Splice {
  from: number;
  to: number;
  insert: string;
}

/** Something Berth cannot change in place without touching more than it should; the message says what. */
export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "YamlEditError";
  }
}

export function readYamlSource(text: string): YamlSource {
  return { text, eol: text.includes("\r\n") ? "\r\n" : "\n", docs: parseYamlDocuments(text) };
}

/** Offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Offset just after the line break ending the line holding `offset`, or the end of a file without a final line break. */
export function nextLineStart(text: string, offset: number): number {
  const at = text.indexOf("\n", offset);
  return at < 0 ? text.length : at + 1;
}

/** The column of `offset` on its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/**
 * A splice that adds whole `lines` (without line breaks) before the line
 * starting at `at`, or after the last line when `at` is the end of a file that
 * has no final line break (which then still has none).
 */
export function insertLines(source: YamlSource, at: number, lines: string[]): Splice {
  const { text, eol } = source;
  const body = lines.join(eol);
  if (at === text.length && text.length > 0 && !text.endsWith("\n")) return { from: at, to: at, insert: eol + body };
  return { from: at, to: at, insert: body + eol };
}

/** The text with the splices made, in order of position (equal positions in the order given). Overlapping splices are a bug. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.from - b.s.from || a.s.to - b.s.to || a.i - b.i);
  let out = "";
  let at = 0;
  for (const { s } of sorted) {
    if (s.from < at) throw new YamlEditError("two changes overlap in the file");
    out += text.slice(at, s.from) + s.insert;
    at = s.to;
  }
  return out + text.slice(at);
}
