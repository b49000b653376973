import { beforeAll, describe, expect, it } from "vitest";
import { readHclBlocks, referencesIn } from "../../render/read-hcl-blocks";
import { messyFolder } from "../fixtures/messy-folder";
import { sampleTerraformFiles } from "../fixtures/sample-terraform";
import { parseHcl } from "./hcl-tree";
import { loadHclParser, type HclParser } from "./load-hcl-parser";

let parser: HclParser;
beforeAll(async () => {
  parser = await loadHclParser();
});

/** Why edits use tree-sitter and the index keeps Berth's scanner (lib/environments/edit/README.md). */
describe("tree-sitter or Berth's scanner, on the sample corpus and the messy fixtures", () => {
  it("agree on every sample file's blocks, where both can read them", () => {
    for (const [path, text] of sampleTerraformFiles(40, 3)) {
      const scanner = readHclBlocks(text).map((b) => [b.type, ...b.labels].join(" "));
      expect(
        parseHcl(parser, text).blocks.map((b) => [b.type, ...b.labels].join(" ")),
        path,
      ).toEqual(scanner);
    }
  });

  it("differ on a heredoc: the scanner reads text in it as a reference, tree-sitter knows it is a string", () => {
    const text = messyFolder().files.get("resources/irsa.tf")!;
    const policy = readHclBlocks(text).find((b) => b.labels[0] === "aws_iam_policy")!;
    expect(referencesIn(policy.code).outputs).toEqual([{ module: "audit_queue", output: "irsa_policy_arn" }]);
    const file = parseHcl(parser, text);
    const block = file.blocks.find((b) => b.labels[0] === "aws_iam_policy")!;
    expect(file.references.filter((r) => block.start <= r.start && r.start < block.end)).toEqual([]);
  });
});
