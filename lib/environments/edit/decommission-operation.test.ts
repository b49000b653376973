import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { decommissionNamespace } from "./decommission-operation";
import type { EditResult, NamespaceFolder } from "./edit-operation";
import { changedLines } from "./fixtures/changed-lines";
import { MESSY_PATH, messyFolder } from "./fixtures/messy-folder";
import { editOperations } from "./operations";

const relative = (result: EditResult) => (result.ok ? result.files.map((f) => [f.path.slice(MESSY_PATH.length + 1), f.content] as const) : []);
const applied = (result: EditResult, base: NamespaceFolder) => messyFolder({ ...Object.fromEntries(base.files), ...Object.fromEntries(relative(result)) });
const answers = { confirm: "messy-app" };

describe("decommissionNamespace", () => {
  it("refuses without the namespace's name typed again", async () => {
    expect(await decommissionNamespace(messyFolder(), { confirm: "messy" }, profile)).toEqual({
      ok: false,
      errors: { confirm: "type the namespace's name, messy-app, to confirm" },
    });
  });

  it("walks the platform's steps: protection off, the resources removed, then the folder", async () => {
    const start = messyFolder();
    const step1 = await decommissionNamespace(start, answers, profile);
    expect(step1).toMatchObject({ ok: true, notes: ["step 1 of 3: turn deletion protection off for rds"], followUp: { operation: "decommission", answers } });
    const [[path, content]] = relative(step1) as [[string, string]];
    expect(path).toBe("resources/rds.tf");
    expect(changedLines(start.files.get(path)!, content)).toBe(
      ["@@ 19", "-   deletion_protection          = true", "+   deletion_protection          = false"].join("\n"),
    );

    const second = applied(step1, start);
    const step2 = await decommissionNamespace(second, answers, profile);
    expect(relative(step2)).toEqual(["elasticache.tf", "irsa.tf", "rds.tf", "secrets.tf", "serviceaccount.tf", "sqs.tf"].map((f) => [`resources/${f}`, null]));
    expect(step2.ok && step2.followUp?.operation).toBe("decommission");

    const third = applied(step2, second);
    const step3 = await decommissionNamespace(third, answers, profile);
    expect(step3.ok && step3.followUp).toBeUndefined();
    expect(relative(step3).map(([p]) => p)).toEqual([
      "00-namespace.yaml",
      "01-rbac.yaml",
      "05-servicemonitor.yml",
      "resources/main.tf",
      "resources/variables.tf",
      "resources/versions.tf",
    ]);
    expect(relative(step3).every(([, c]) => c === null)).toBe(true);
  });

  it("is registered with the other edits under the names the CLI uses", async () => {
    expect(Object.keys(editOperations).sort()).toEqual(["access", "bump-module", "decommission", "default-tags", "metadata", "remove", "resource"]);
    const op = editOperations.decommission!;
    expect(op.answersSchema.safeParse({ confirm: 1 }).success).toBe(false);
    expect(await op.apply(messyFolder(), { confirm: "x" }, profile)).toMatchObject({ ok: false });
  });
});
