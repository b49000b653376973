import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { parseNamespace } from "../repository/parse-namespace";
import { bumpModule, bumpModuleOperation } from "./bump-module-operation";
import { sampleTerraformFiles } from "./fixtures/sample-terraform";
import { parseHcl } from "./hcl/hcl-tree";
import { loadHclParser } from "./hcl/load-hcl-parser";

const SEED = 20261205;
const DOMAIN = "live.cloud-platform.service.justice.gov.uk";
const SOURCE = (module: string, ref: string) => `github.com/ministryofjustice/cloud-platform-terraform-${module}?ref=${ref}`;

/** One module block as people write them: old or new pin, count = 0 or not, comments that mention a pin, odd spacing. */
const block = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/),
  module: fc.constantFrom("sqs", "rds-instance", "serviceaccount"),
  ref: fc.constantFrom("4.0.0", "5.0.0", "5.1.2", "9.2.0", "1.1.0", "1.2.0", "10.0.0", "main"),
  disabled: fc.boolean(),
  comment: fc.constantFrom("", " # pinned", " // ref=1.0.0 was broken"),
  above: fc.constantFrom("", "# was ?ref=5.0.0 until 2024\n", '/* source = "x?ref=5.0.0" */\n'),
  spacing: fc.constantFrom(" = ", "   = ", "="),
  extra: fc.constantFrom("", '  sqs_name = "orders"\n', "  policy = <<EOF\n  ref=5.0.0\nEOF\n"),
});

type Block = typeof block extends fc.Arbitrary<infer B> ? B : never;

const file = fc.record({
  blocks: fc.uniqueArray(block, { minLength: 1, maxLength: 5, selector: (b) => b.name }),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
});

function write(f: { blocks: Block[]; crlf: boolean; finalNewline: boolean }): string {
  const text = f.blocks
    .map(
      (b) => `${b.above}module "${b.name}" {\n${b.disabled ? "  count  = 0\n" : ""}  source${b.spacing}"${SOURCE(b.module, b.ref)}"${b.comment}\n${b.extra}}\n`,
    )
    .join("\n");
  const ended = f.finalNewline ? text : text.replace(/\n$/, "");
  return f.crlf ? ended.replaceAll("\n", "\r\n") : ended;
}

describe("bumpModule (property)", () => {
  it("output re-parses without error and differs from the input only in ref values of pin lines", async () => {
    const parser = await loadHclParser();
    fc.assert(
      fc.property(file, fc.constantFrom(["sqs", "5.1.2"], ["rds-instance", "9.2.0"], ["serviceaccount", "1.2.0"]), (f, [module, version]) => {
        const text = write(f);
        const record = parseNamespace({ files: { "resources/m.tf": text }, profile, clusterDomain: DOMAIN, name: "p" });
        const result = bumpModule({ record, files: new Map([["resources/m.tf", text]]) }, { module: module!, version: version! }, profile);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        // What the record alone tells (a campaign's preview skips reading the folder then) agrees with the edit.
        const unchanged = bumpModuleOperation.unchangedFor!(record, { module: module!, version: version! }, profile);
        expect(unchanged).toBe(result.files.length === 0 ? result.notes.join("; ") : null);
        const out = result.files[0]?.content ?? text;
        expect(parseHcl(parser, out).hasErrors).toBe(false);
        const before = text.split("\n");
        const after = out.split("\n");
        expect(after).toHaveLength(before.length);
        const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]!] as const]));
        for (const [a, b] of changed) {
          expect(a.replace(/ref=[^"&]+/, "ref=X")).toBe(b.replace(/ref=[^"&]+/, "ref=X"));
          expect(b).toContain(`ref=${version}`);
        }
        // Exactly the enabled blocks of the module pinned below the version moved.
        const due = f.blocks.filter((b) => b.module === module && !b.disabled && b.ref !== "main" && compare(b.ref, version!) < 0);
        expect(changed).toHaveLength(due.length);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("changes only pins, and every catalogued one, across the sample repository's real-shaped files", async () => {
    const parser = await loadHclParser();
    // Every pin made old, so each catalogued block has somewhere to move.
    const files = [...sampleTerraformFiles(120, 7)]
      .filter(([, t]) => t.includes("?ref="))
      .map(([p, t]) => [p, t.replace(/\?ref=[0-9.]+/g, "?ref=0.0.1")] as const);
    let moved = 0;
    for (const [path, text] of files) {
      const record = parseNamespace({ files: { "resources/x.tf": text }, profile, clusterDomain: DOMAIN, name: "p" });
      for (const name of new Set(record.modules.map((m) => m.module))) {
        if (!Object.hasOwn(profile.modules, name)) continue;
        const result = bumpModule({ record, files: new Map([["resources/x.tf", text]]) }, { module: name, version: profile.modules[name]!.latest }, profile);
        if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.errors)}`);
        for (const f of result.files) {
          moved++;
          expect(parseHcl(parser, f.content!).hasErrors).toBe(false);
          expect(f.content!.replace(/ref=[^"&\s]+/g, "ref=X")).toBe(text.replace(/ref=[^"&\s]+/g, "ref=X"));
          const again = parseNamespace({ files: { "resources/x.tf": f.content! }, profile, clusterDomain: DOMAIN, name: "p" });
          for (const use of again.modules.filter((m) => m.module === name && !m.disabled)) expect(use.ref).toBe(profile.modules[name]!.latest);
        }
      }
    }
    expect(files.length).toBeGreaterThan(50);
    expect(moved).toBeGreaterThan(50);
  });
});

function compare(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}
