import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { bumpModule, bumpModuleOperation } from "./bump-module-operation";
import { changedLines } from "./fixtures/changed-lines";
import { MESSY_PATH, messyFolder } from "./fixtures/messy-folder";
import { parseEditAnswers } from "./parse-edit-answers";

const base = messyFolder();
const original = (file: string) => base.files.get(file)!;

describe("bumpModule", () => {
  it("moves an old pin and leaves a disabled (count = 0) block, naming it", () => {
    const rds = original("resources/rds.tf").replaceAll("ref=9.2.0", "ref=8.1.0");
    const folder = messyFolder({ "resources/rds.tf": rds });
    const result = bumpModule(folder, { module: "rds-instance", version: "9.2.0" }, profile);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.files.map((f) => f.path)).toEqual([`${MESSY_PATH}/resources/rds.tf`]);
    expect(changedLines(rds, result.files[0]!.content!)).toBe(
      [
        "@@ 8",
        '-   source = "github.com/ministryofjustice/cloud-platform-terraform-rds-instance?ref=8.1.0" # pinned',
        '+   source = "github.com/ministryofjustice/cloud-platform-terraform-rds-instance?ref=9.2.0" # pinned',
      ].join("\n"),
    );
    expect(result.notes.slice(0, 2)).toEqual([
      "read_replica (resources/rds.tf): disabled (count = 0); left as it is",
      "rds (resources/rds.tf): 8.1.0 -> 9.2.0",
    ]);
    // The comment above the block mentions `ref=` too: only the block's pin moved.
    expect(result.files[0]!.content!.match(/ref=8\.1\.0/g)).toHaveLength(1);
  });

  it("leaves pins already at or ahead of the version, and keeps a file without a final newline so", () => {
    const result = bumpModule(base, { module: "serviceaccount", version: "1.2.0" }, profile);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const before = original("resources/serviceaccount.tf");
    expect(before.endsWith("\n")).toBe(false);
    expect(changedLines(before, result.files[0]!.content!)).toBe(
      [
        "@@ 2",
        '-   source = "github.com/ministryofjustice/cloud-platform-terraform-serviceaccount?ref=1.1.0"',
        '+   source = "github.com/ministryofjustice/cloud-platform-terraform-serviceaccount?ref=1.2.0"',
      ].join("\n"),
    );
    expect(result.files[0]!.content!.endsWith("\n")).toBe(false);
    expect(result.notes).toContain("serviceaccount_deploy (resources/serviceaccount.tf): already at 1.2.0; left as it is");

    const back = bumpModule(base, { module: "serviceaccount", version: "1.1.0" }, profile);
    expect(back).toEqual({
      ok: true,
      files: [],
      notes: [
        "serviceaccount (resources/serviceaccount.tf): already at 1.1.0; left as it is",
        "serviceaccount_deploy (resources/serviceaccount.tf): pinned to 1.2.0, ahead of 1.1.0; left as it is",
      ],
    });
  });

  it("keeps CRLF line breaks and moves every block of the module in a file", () => {
    const sqs = original("resources/sqs.tf").replaceAll("ref=5.1.2", "ref=5.0.0");
    expect(sqs).toContain("\r\n");
    const result = bumpModule(messyFolder({ "resources/sqs.tf": sqs }), { module: "sqs", version: "5.1.2" }, profile);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.files[0]!.content).toBe(sqs.replaceAll("ref=5.0.0", "ref=5.1.2"));
    expect(result.notes.filter((n) => n.includes("-> 5.1.2"))).toHaveLength(2);
  });

  it("says what the catalogue knows of the target version's inputs when it read that version's interface", () => {
    const rds = original("resources/rds.tf").replaceAll("ref=9.2.0", "ref=8.1.0").replace("  vpc_name", "  not_an_input = 1\n  vpc_name");
    const result = bumpModule(messyFolder({ "resources/rds.tf": rds }), { module: "rds-instance", version: "9.2.0" }, profile);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.notes.at(-1)).toBe(
      "rds: a major version bump (8.1.0 -> 9.2.0); rds-instance 9.2.0 declares no input not_an_input (the catalogue's interface at 9.2.0); review before merging",
    );
  });

  it("changes nothing, with a note, where the namespace has no block of the module", () => {
    expect(bumpModule(base, { module: "dynamodb-cluster", version: "4.1.0" }, profile)).toEqual({
      ok: true,
      files: [],
      notes: ["no dynamodb-cluster module block in this namespace"],
    });
  });

  it("refuses an unknown module or a version the catalogue does not know, naming the field", () => {
    const unknown = bumpModule(base, { module: "kafka", version: "1.0.0" }, profile);
    expect(unknown.ok === false && Object.keys(unknown.errors)).toEqual(["module"]);
    const version = bumpModule(base, { module: "sqs", version: "6.0.0" }, profile);
    expect(version).toEqual({
      ok: false,
      errors: { version: "the catalogue knows sqs at 5.1.2 and 5.1.1, not 6.0.0; Berth moves pins only to a version it knows" },
    });
    expect(parseEditAnswers(bumpModuleOperation, { module: "sqs", version: "5.1.2\n# injected" })).toEqual({
      ok: false,
      errors: { version: "the version must be a version such as 5.1.2" },
    });
    expect(parseEditAnswers(bumpModuleOperation, { module: "sqs", version: "5.1.2", extra: 1 })).toEqual({
      ok: false,
      errors: { extra: "not a field of a bump-module edit" },
    });
  });

  it("refuses a file where two blocks share the module's name", () => {
    const sqs = original("resources/sqs.tf").replaceAll("ref=5.1.2", "ref=5.0.0").replace('module "audit_queue"', 'module "queues"');
    const result = bumpModule(messyFolder({ "resources/sqs.tf": sqs }), { module: "sqs", version: "5.1.2" }, profile);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.module).toMatch(/2 module blocks are named queues/);
  });
});
