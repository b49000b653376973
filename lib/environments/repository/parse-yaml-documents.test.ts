import { describe, expect, it } from "vitest";
import { parseYamlDocuments } from "./parse-yaml-documents";

const read = (text: string) => parseYamlDocuments(text).map(({ value, error }) => error ?? { value });

describe("parseYamlDocuments", () => {
  it("reads YAML 1.2 core: yes, no and dates stay text", () => {
    expect(read('a: yes\nb: no\nc: "true"\nd: true\ne: 2025-01-01\nf: 010\ng: ~\n')).toEqual([
      { value: { a: "yes", b: "no", c: "true", d: true, e: "2025-01-01", f: 10, g: null } },
    ]);
    expect(read("%YAML 1.1\n---\na: yes\n")).toEqual([{ value: { a: "yes" } }]);
  });

  it("keeps the good documents around a bad one and names the bad one's line", () => {
    expect(read("kind: A\n---\nkind: B\nmetadata:\n  name: [unclosed\n---\nkind: C\n")).toEqual([
      { value: { kind: "A" } },
      { line: 6, message: expect.stringMatching(/Flow sequence/) },
      { value: { kind: "C" } },
    ]);
    expect(read("kind: A\nkind: B\n---\nkind: C\n")).toEqual([{ line: 2, message: "Map keys must be unique" }, { value: { kind: "C" } }]);
  });

  it("ends an unclosed quoted scalar at the next ---, so the documents after it still count", () => {
    expect(read("kind: A\n---\nkind: \"open\n---\nkind: C\n---\nkind: 'open\n---\nkind: D\n")).toEqual([
      { value: { kind: "A" } },
      { line: 3, message: 'Missing closing "quote' },
      { value: { kind: "C" } },
      { line: 7, message: "Missing closing 'quote" },
      { value: { kind: "D" } },
    ]);
  });

  it("refuses what js-yaml refused: control characters, unknown tags, aliases without anchors", () => {
    expect(read("kind: A\u0007\n---\nkind: B\n")).toEqual([{ line: 1, message: expect.stringContaining("U+0007") }, { value: { kind: "B" } }]);
    expect(read("# a comment with \u0001\n")).toEqual([{ line: 1, message: expect.stringContaining("U+0001") }]);
    expect(read("a: !Ref x\n---\nb: !!binary aGk=\n")).toEqual([
      { line: 1, message: "Unresolved tag: !Ref" },
      { line: 3, message: expect.stringMatching(/^Unresolved tag: .*binary/) },
    ]);
    expect(read("a: *nowhere\n")).toEqual([{ line: 1, message: expect.stringMatching(/alias/) }]);
  });

  it("reads empty and comment-only streams as no documents, and a bare --- as one empty document", () => {
    expect(read("")).toEqual([]);
    expect(read("# only a comment\n")).toEqual([]);
    expect(read("---\n")).toEqual([{ value: null }]);
  });

  it("keeps comments in the parsed document", () => {
    const [doc] = parseYamlDocuments("# head\nkind: A # why\n");
    expect(doc!.parsed.toString()).toBe("# head\nkind: A # why\n");
  });

  // build-index.test.ts reads a 40,000-key ConfigMap, which yaml's own (quadratic) check took minutes over.
  it("finds a duplicate key among many", () => {
    const keys = Array.from({ length: 2_000 }, (_, i) => `  k${i}: v`);
    expect(parseYamlDocuments(`data:\n${keys.join("\n")}\n`)[0]!.error).toBeUndefined();
    expect(parseYamlDocuments(`data:\n${keys.join("\n")}\n  k7: again\n`)[0]!.error).toEqual({ line: 2_002, message: "Map keys must be unique" });
    expect(read("a:\n  b: 1\nc:\n  b: 2\n")).toEqual([{ value: { a: { b: 1 }, c: { b: 2 } } }]);
  });
});
