import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import type { EditResult, NamespaceFolder } from "./edit-operation";
import { changedLines } from "./fixtures/changed-lines";
import { MESSY_PATH, messyFolder } from "./fixtures/messy-folder";
import { removeResources } from "./remove-operation";

const folder = messyFolder();
const remove = (...names: string[]) => removeResources(folder, { names }, profile);
const byPath = (result: EditResult) =>
  result.ok ? Object.fromEntries(result.files.map((f) => [f.path.slice(MESSY_PATH.length + 1), f.content])) : result.errors;
const applied = (result: EditResult, base: NamespaceFolder): NamespaceFolder => {
  const overrides = byPath(result) as Record<string, string | null>;
  return messyFolder({ ...Object.fromEntries(base.files), ...overrides });
};

describe("removeResources", () => {
  it("removes the module, its Secret and output in another file, and deletes files left without blocks", async () => {
    expect(byPath(await remove("redis"))).toEqual({ "resources/elasticache.tf": null, "resources/secrets.tf": null });
  });

  it("removes a module and its Secret from a CRLF file, leaving the rest byte for byte", async () => {
    const result = await remove("audit_queue", "irsa");
    const files = byPath(result) as Record<string, string>;
    const sqs = folder.files.get("resources/sqs.tf")!;
    expect(files["resources/sqs.tf"]).toBe(sqs.slice(0, sqs.indexOf('module "audit_queue"')) + sqs.slice(sqs.indexOf("locals {")));
    const irsa = folder.files.get("resources/irsa.tf")!;
    expect(files["resources/irsa.tf"]).toBe(
      irsa.slice(irsa.indexOf('resource "aws_iam_policy"'), irsa.indexOf('resource "kubernetes_secret"')).replace(/\n$/, ""),
    );
  });

  it("refuses, naming each file and line, while other blocks read the module's outputs", async () => {
    expect(await remove("audit_queue")).toEqual({
      ok: false,
      errors: {
        names:
          'still in use: resources/irsa.tf:10 (module "irsa" reads module.audit_queue.irsa_policy_arn); remove or edit those first, or remove them in this request too',
      },
    });
    const rds = await remove("rds");
    expect(rds.ok ? "" : rds.errors.names).toBe(
      'still in use: resources/irsa.tf:9 (module "irsa" reads module.rds.irsa_policy_arn); resources/rds.tf:66 (module "read_replica" reads module.rds.db_identifier); remove or edit those first, or remove them in this request too',
    );
    expect(await remove("nope")).toEqual({ ok: false, errors: { names: "there is no module block named nope in this namespace" } });
  });

  it("goes in two steps when deletion protection is on: protection off first, then the removal", async () => {
    const step1 = await remove("rds", "read_replica", "irsa");
    expect(step1.ok && step1.followUp).toEqual({
      operation: "remove",
      answers: { names: ["rds", "read_replica", "irsa"] },
      reason: "rds has deletion protection on; Terraform cannot destroy it until the PR that turns it off is applied",
    });
    expect(step1.ok && step1.files.length).toBe(1);
    expect(changedLines(folder.files.get("resources/rds.tf")!, step1.ok ? step1.files[0]!.content! : "")).toBe(
      ["@@ 19", "-   deletion_protection          = true", "+   deletion_protection          = false"].join("\n"),
    );
    const after = applied(step1, folder);
    const step2 = await removeResources(after, { names: ["rds", "read_replica", "irsa"] }, profile);
    expect(step2.ok && step2.followUp).toBeUndefined();
    const files = byPath(step2) as Record<string, string | null>;
    expect(Object.keys(files).sort()).toEqual(["resources/irsa.tf", "resources/rds.tf"]);
    expect(files["resources/rds.tf"]).toBe('locals {\n  replica_class = "db.t4g.small"\n}\n');
  });
});
