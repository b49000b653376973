import fc from "fast-check";
import { isPair, isSeq, visit, type Node, type Scalar } from "yaml";
import { describe, expect, it } from "vitest";
import { UnrepresentableValueError, unrepresentableText } from "../../render/unrepresentable-text";
import { loadAllYaml } from "../../testing/load-all-yaml";
import { yamlCorpus } from "../../testing/yaml-corpus";
import { finishYamlEdit, valuesOf } from "./finish-yaml-edit";
import { setYamlValue } from "./set-yaml-value";
import { lineStart, readYamlSource, YamlEditError } from "./yaml-source";

const SEED = 20261205;
const { files } = yamlCorpus();

/** Every scalar value (not key) of every readable document: its document, path and node. */
function leaves(text: string): { doc: number; path: (string | number)[]; node: Scalar; aliased: boolean }[] {
  const out: { doc: number; path: (string | number)[]; node: Scalar; aliased: boolean }[] = [];
  readYamlSource(text).docs.forEach((d, doc) => {
    if (d.error) return;
    let aliased = false;
    visit(d.parsed, { Alias: () => void (aliased = true) });
    visit(d.parsed, {
      Scalar(key, node, ancestors) {
        if (key === "key") return;
        const path: (string | number)[] = [];
        const chain = [...ancestors, node] as unknown[];
        for (let i = 1; i < chain.length; i++) {
          const parent = chain[i - 1];
          const here = chain[i];
          if (isPair(parent) && here === parent.value) path.push(String((parent.key as Scalar).value));
          else if (isSeq(parent)) path.push(parent.items.indexOf(here as Node));
        }
        out.push({ doc, path, node, aliased });
      },
    });
  });
  return out;
}

const values = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "",
    "true",
    "no",
    "~",
    "null",
    "2027-06-01",
    "0x1F",
    "a: b",
    "#x",
    "- x",
    "'",
    '"',
    "\\",
    " lead",
    "trail ",
    "two\nlines",
    "tab\there",
    "\r\n",
    "é",
    "https://github.com/o/r, https://github.com/o/s",
    "github:team",
    "*alias",
    "&anchor",
    "!tag",
    "{a}",
    "[b]",
    "---",
    "...",
  ),
);

describe("YAML edits in place over the sample repository and the messy fixtures", () => {
  it(`has a corpus: ${files.length} files`, () => {
    expect(files.length).toBeGreaterThan(1500);
    expect(files.filter(([p]) => p.startsWith("messy/messy-app/")).length).toBe(3);
    expect(files.some(([p]) => p.endsWith(".yml"))).toBe(true);
  });

  it("parse, edit nothing, write: identical bytes, for every file", () => {
    for (const [path, text] of files) {
      const source = readYamlSource(text);
      expect(
        source.docs.every((d) => !d.error),
        path,
      ).toBe(true);
      expect(finishYamlEdit(source, [], valuesOf(source)), path).toBe(text);
    }
  });

  /** One edit of a random value of a random file of `corpus`, checked against an independent parse and the bytes around the node. */
  const editOneValue = (corpus: [string, string][]) => {
    const cache = new Map<number, ReturnType<typeof leaves>>();
    return fc.property(fc.nat(), fc.nat(), values, (f, l, value) => {
      const [path, text] = corpus[f % corpus.length]!;
      const all = cache.get(f % corpus.length) ?? leaves(text);
      cache.set(f % corpus.length, all);
      if (all.length === 0) return true;
      const leaf = all[l % all.length]!;
      let out: string;
      try {
        out = setYamlValue(text, leaf.doc, leaf.path, value);
      } catch (error) {
        if (error instanceof UnrepresentableValueError) return unrepresentableText(value) !== null;
        // Refused only where an alias repeats values (changing an anchored one would change its copies).
        if (error instanceof YamlEditError) return leaf.aliased;
        throw error;
      }
      const expected = loadAllYaml(text) as unknown[];
      const keys = [leaf.doc, ...leaf.path];
      let parent = expected as unknown as Record<string | number, unknown>;
      for (const k of keys.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
      parent[keys[keys.length - 1]!] = value;
      expect(loadAllYaml(out), path).toEqual(expected);
      let prefix = 0;
      while (prefix < out.length && out[prefix] === text[prefix]) prefix++;
      let suffix = 0;
      while (suffix < Math.min(out.length, text.length) - prefix && out[out.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++;
      const [start, , end] = leaf.node.range!;
      expect(prefix, path).toBeGreaterThanOrEqual(lineStart(text, start));
      expect(text.length - suffix, path).toBeLessThanOrEqual(end);
      return true;
    });
  };

  it("edit one value of a sample file, re-parse: only that value differs, and only the bytes of its node changed", () => {
    fc.assert(editOneValue(files.filter(([p]) => !p.startsWith("messy/"))), { seed: SEED, numRuns: 300 });
  });

  it("the same over the messy fixtures: comments, CRLF, no final newline, folded scalars, several documents, anchors", () => {
    fc.assert(editOneValue(files.filter(([p]) => p.startsWith("messy/"))), { seed: SEED, numRuns: 700 });
  });
});
