import { isScalar, parseAllDocuments, parseDocument, visit, type Document, type Node } from "yaml";

/** One document of a YAML stream, as read. */
export interface YamlDocument {
  /** The document as parsed, comments and source ranges kept, so a file can later be edited in place. */
  readonly parsed: Document.Parsed;
  /** Its plain value (null for an empty document); undefined when `error` is set. */
  readonly value: unknown;
  /** Why the document cannot be used, and the line of the file (from 1) it points at. */
  readonly error?: { readonly line: number; readonly message: string };
}

// YAML 1.2 core schema, as Berth has always read manifests: `yes` and `no` are text, and the
// YAML 1.1 tags (!!binary, !!timestamp, !!set...) are refused rather than resolved.
// yaml's own check for duplicate keys compares every key with every other (a ConfigMap with
// 40,000 keys took minutes); duplicateKey does it with a set.
const OPTIONS = { schema: "core", resolveKnownTags: false, uniqueKeys: false, prettyErrors: false, logLevel: "error" } as const;

/**
 * Tags the core schema cannot resolve. yaml reads the value untagged and only
 * warns, which would quietly read something other than what the file says.
 */
const REFUSED_WARNINGS = new Set(["TAG_RESOLVE_FAILED", "BAD_COLLECTION_TYPE"]);

/** Characters YAML allows nowhere in a stream (outside c-printable); yaml does not check for them. */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Every document of a YAML stream, each with its own error: a malformed
 * document does not stop the others from being read. Never throws.
 */
export function parseYamlDocuments(text: string): YamlDocument[] {
  const read: YamlDocument[] = [];
  let from = 0;
  while (from >= 0) from = readFrom(text, from, read);
  refuseNonPrintable(text, read);
  return read;
}

/**
 * Reads the documents from offset `from` on into `read`. Returns where to
 * start again, or -1 when done. yaml lets an unclosed quoted scalar run on
 * over `---` lines, swallowing the documents after it, although YAML allows
 * no document marker inside a scalar; such a document is ended at the marker
 * and the rest read again. The text before `from` is blanked rather than cut,
 * so offsets and lines stay those of the whole file.
 */
function readFrom(text: string, from: number, read: YamlDocument[]): number {
  for (const doc of parseAllDocuments(blankBefore(text, from), OPTIONS)) {
    const marker = doc.errors.length > 0 ? markerInside(text, doc.range) : -1;
    if (marker < 0) {
      read.push(readDocument(text, doc));
      continue;
    }
    const before = text.slice(0, marker);
    const [cut] = parseAllDocuments(blankBefore(before, doc.range[0]), OPTIONS);
    read.push(cut ? readDocument(before, cut) : readDocument(text, doc));
    return marker;
  }
  return -1;
}

/** `text` is what `doc` was parsed from, for its lines. */
function readDocument(text: string, doc: Document.Parsed): YamlDocument {
  const problems = [...doc.errors, ...doc.warnings.filter((w) => REFUSED_WARNINGS.has(w.code))];
  const first = problems.sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first) return { parsed: doc, value: undefined, error: { line: lineAt(text, first.pos[0]), message: first.message } };
  const duplicate = duplicateKey(doc);
  if (duplicate)
    return { parsed: doc, value: undefined, error: { line: lineAt(text, duplicate.range?.[0] ?? doc.range[0]), message: "Map keys must be unique" } };
  try {
    return { parsed: doc, value: doc.toJS() };
  } catch (error) {
    // toJS throws for an alias with no anchor before it, or aliases that expand too far.
    const message = error instanceof Error ? error.message : String(error);
    return { parsed: doc, value: undefined, error: { line: lineAt(text, doc.range[0]), message } };
  }
}

/** The first key that repeats one before it in the same mapping (scalars compared by value, as yaml does). */
function duplicateKey(doc: Document.Parsed): Node | null {
  let found: Node | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        const value = isScalar(key) ? key.value : key;
        if (seen.has(value)) {
          found = key as Node;
          return visit.BREAK;
        }
        seen.add(value);
      }
    },
  });
  return found;
}

function refuseNonPrintable(text: string, read: YamlDocument[]): void {
  for (const found of text.matchAll(NON_PRINTABLE)) {
    const at = found.index;
    const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    const error = { line: lineAt(text, at), message: `non-printable character U+${code}, which YAML does not allow` };
    // The document it is in, or the next one (comments and directives before a `---` are outside any document's range).
    const index = read.findIndex((d) => d.parsed.range[2] > at);
    if (index < 0 && read.length === 0) read.push({ parsed: parseDocument(text, OPTIONS), value: undefined, error });
    const target = index < 0 ? read.length - 1 : index;
    if (!read[target]!.error) read[target] = { parsed: read[target]!.parsed, value: undefined, error };
  }
}

/** Offset of the first `---` line after the start of `range`, or -1. */
function markerInside(text: string, range: readonly [number, number, number]): number {
  const marker = /^---(?=\s|$)/gm;
  marker.lastIndex = range[0] + 1;
  const found = marker.exec(text);
  return found && found.index < range[2] ? found.index : -1;
}

function blankBefore(text: string, offset: number): string {
  return offset === 0 ? text : text.slice(0, offset).replace(/[^\n]/g, " ") + text.slice(offset);
}

/** The line (from 1) of `offset`; the end of a file that ends in a newline counts as its last line. */
function lineAt(text: string, offset: number): number {
  const end = Math.min(offset, text.endsWith("\n") ? text.length - 1 : text.length);
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
