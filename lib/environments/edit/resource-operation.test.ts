import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { RDS_ENGINE_VERSIONS, RDS_INSTANCE_CLASSES, ELASTICACHE_NODE_TYPES } from "../requests/resource-request";
import { changedLines } from "./fixtures/changed-lines";
import { MESSY_PATH, messyFolder } from "./fixtures/messy-folder";
import { readEditableInputs } from "./read-editable-inputs";
import { editResource } from "./resource-operation";

const folder = messyFolder();
const edit = (name: string, inputs: Record<string, unknown>) => editResource(folder, { name, inputs }, profile);
const diff = async (name: string, inputs: Record<string, unknown>) => {
  const result = await edit(name, inputs);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  expect(result.files).toHaveLength(1);
  const file = result.files[0]!;
  return changedLines(folder.files.get(file.path.slice(MESSY_PATH.length + 1))!, file.content!);
};

describe("editResource", () => {
  it("changes RDS settings in place, keeping alignment and the file's other bytes", async () => {
    expect(await diff("rds", { db_engine_version: "17", rds_family: "postgres17" })).toBe(
      [
        "@@ 23",
        '-   db_engine_version = "16"',
        '-   rds_family        = "postgres16"',
        '+   db_engine_version = "17"',
        '+   rds_family        = "postgres17"',
      ].join("\n"),
    );
  });

  it("adds an input after the block's last editable one, aligned, and keeps a string-typed bool quoted", async () => {
    expect(await diff("rds", { prepare_for_major_upgrade: true })).toBe(["@@ 20", "+   prepare_for_major_upgrade    = true"].join("\n"));
    expect(await diff("audit_queue", { encrypt_sqs_kms: false })).toBe(
      ["@@ 28", '-   encrypt_sqs_kms           = "true"\\r', '+   encrypt_sqs_kms           = "false"\\r'].join("\n"),
    );
  });

  it("writes lists in the layout they had and edits IRSA policies entry by entry", async () => {
    expect(await diff("serviceaccount_deploy", { github_repositories: ["messy-app", "messy-deploy", "messy-infra"] })).toBe(
      ["@@ 27", '+     "messy-infra",'].join("\n"),
    );
    expect(
      await diff("irsa", { role_policy_arns: { rds: "module.rds.irsa_policy_arn", extra: "aws_iam_policy.extra.arn", cache: "module.redis.irsa_policy_arn" } }),
    ).toBe(
      [
        "@@ 10",
        "-     audit = module.audit_queue.irsa_policy_arn",
        "-     extra = aws_iam_policy.extra.arn # hand-written below",
        "+     extra = aws_iam_policy.extra.arn # hand-written below",
        "+     cache = module.redis.irsa_policy_arn",
      ].join("\n"),
    );
  });

  it("refuses what the form cannot represent, unknown inputs and values the new-request rules refuse, naming the field", async () => {
    expect(await edit("read_replica", { db_instance_class: "db.t4g.small" })).toEqual({
      ok: false,
      errors: {
        "inputs.db_instance_class": "db_instance_class is written as an expression here (local.replica_class); Berth leaves it alone: change it by hand",
      },
    });
    const result = await edit("rds", { db_engine_version: "9", db_name: "x", db_allocated_storage: 5 });
    expect(result.ok ? {} : result.errors).toEqual({
      "inputs.db_engine_version": "db_engine_version must be one of: 14, 15, 16, 17, 18",
      "inputs.db_name": "db_name is not an input Berth edits on a rds-instance module; change it by hand",
      "inputs.db_allocated_storage": "db_allocated_storage must be at least 20",
    });
    expect(await edit("irsa", { role_policy_arns: { x: "module.read_replica.irsa_policy_arn" } })).toEqual({
      ok: false,
      errors: { "inputs.role_policy_arns": "role_policy_arns.x: read_replica is disabled (count = 0); it has no policy to give" },
    });
    expect(await edit("nope", {})).toEqual({ ok: false, errors: { name: "there is no module block named nope in this namespace" } });
  });

  it("answers ok with no files when nothing changes", async () => {
    expect(await edit("rds", { db_engine_version: "16", deletion_protection: true })).toMatchObject({ ok: true, files: [] });
  });

  it("reads the editable inputs for the form, marking what it cannot represent", async () => {
    const result = await readEditableInputs(folder, "irsa", profile);
    expect(result).toMatchObject({
      ok: true,
      module: "irsa",
      inputs: [
        {
          input: "role_policy_arns",
          set: true,
          representable: true,
          readOnlyKeys: ["extra"],
          value: { rds: "module.rds.irsa_policy_arn", audit: "module.audit_queue.irsa_policy_arn", extra: "aws_iam_policy.extra.arn" },
        },
      ],
    });
    const replica = await readEditableInputs(folder, "read_replica", profile);
    expect(replica.ok && replica.inputs.find((i) => i.input === "db_instance_class")).toMatchObject({ representable: false, text: "local.replica_class" });
    expect(replica.ok && replica.inputs.find((i) => i.input === "db_engine_version")).toMatchObject({ set: false, value: null });
  });

  it("enum lists in the catalogue are the new-request rules", () => {
    const editable = (m: string, i: string) => profile.modules[m]!.editable![i]!.values;
    expect(editable("rds-instance", "db_engine_version")).toEqual([...RDS_ENGINE_VERSIONS]);
    expect(editable("rds-instance", "db_instance_class")).toEqual([...RDS_INSTANCE_CLASSES]);
    expect(editable("elasticache-cluster", "node_type")).toEqual([...ELASTICACHE_NODE_TYPES]);
  });
});
