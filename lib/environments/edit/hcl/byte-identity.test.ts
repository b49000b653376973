import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { messyFolder } from "../fixtures/messy-folder";
import { sampleTerraformFiles } from "../fixtures/sample-terraform";
import { setHclAttribute } from "./edit-hcl-attribute";
import { formatHclValue, type EditableValue } from "./format-hcl-value";
import { parseHcl, type HclAttribute, type HclFile } from "./hcl-tree";
import { loadHclParser, type HclParser } from "./load-hcl-parser";
import { setHclObjectEntries } from "./set-hcl-object-entries";

const SEED = 14;
let parser: HclParser;
let corpus: [string, string][];

beforeAll(async () => {
  parser = await loadHclParser();
  const messy = [...messyFolder().files].filter(([f]) => f.endsWith(".tf")).map(([f, t]): [string, string] => [`messy-app/${f}`, t]);
  corpus = [...sampleTerraformFiles(40, SEED), ...messy];
});

/** Every attribute of every block, nested blocks included. */
function attributes(file: HclFile): HclAttribute[] {
  const walk = (blocks: HclFile["blocks"]): HclAttribute[] => blocks.flatMap((b) => [...b.attributes, ...walk(b.blocks)]);
  return walk(file.blocks);
}

/** What a file says, without its byte positions: two files that say the same compare equal. */
function meaning(file: HclFile): unknown {
  const strip = (blocks: HclFile["blocks"]): unknown =>
    blocks.map((b) => ({ type: b.type, labels: b.labels, attributes: b.attributes.map((a) => [a.name, a.valueText]), blocks: strip(b.blocks) }));
  return strip(file.blocks);
}

describe("byte identity over the sample repository and the messy fixtures", () => {
  it("parses every file with no error, and an edit that changes nothing gives the same bytes", () => {
    expect(corpus.length).toBeGreaterThan(250);
    for (const [path, text] of corpus) {
      const file = parseHcl(parser, text);
      expect(file.hasErrors, path).toBe(false);
      for (const a of attributes(file)) {
        expect(text.slice(a.valueStart, a.valueEnd), path).toBe(a.valueText);
        expect(setHclAttribute(text, a, a.valueText)).toBe(text);
        if (a.value.kind === "object") expect(setHclObjectEntries(text, a, new Map(a.value.entries.map((e) => [e.key, e.valueText])))).toBe(text);
      }
    }
  });

  it("setting one literal changes only that value: the bytes around it and every other value stay", () => {
    const literals = corpus.flatMap(([path, text]) =>
      attributes(parseHcl(parser, text))
        .filter((a) => ["string", "number", "bool", "list"].includes(a.value.kind))
        .map((a) => ({ path, text, a })),
    );
    const value: fc.Arbitrary<EditableValue> = fc.oneof(fc.string({ unit: "grapheme" }), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 4 }));
    fc.assert(
      fc.property(fc.constantFrom(...literals), value, ({ text, a }, next) => {
        const written = formatHclValue(next, { previous: a.valueText, indent: "  ", newline: "\n" });
        const out = setHclAttribute(text, a, written);
        expect(out.slice(0, a.valueStart)).toBe(text.slice(0, a.valueStart));
        expect(out.slice(a.valueStart + written.length)).toBe(text.slice(a.valueEnd));
        const after = parseHcl(parser, out);
        expect(after.hasErrors).toBe(false);
        const edited = attributes(after).find((b) => b.start === a.start)!;
        const read = edited.value;
        expect(read.kind === "expression" ? undefined : "value" in read ? read.value : undefined).toEqual(next);
        const before = parseHcl(parser, setHclAttribute(text, a, "0"));
        expect(meaning(parseHcl(parser, setHclAttribute(out, edited, "0")))).toEqual(meaning(before));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
