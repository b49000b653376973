import { describe, expect, it } from "vitest";
import { changedLines } from "@/lib/environments/edit/fixtures/changed-lines";
import { MESSY_PATH, messyFolder } from "@/lib/environments/edit/fixtures/messy-folder";
import { readEditableInputs } from "@/lib/environments/edit/read-editable-inputs";
import { editResource, resourceAnswersSchema } from "@/lib/environments/edit/resource-operation";
import { cloudPlatformProfile as profile } from "@/lib/environments/profile/profile";
import { namespacePolicySources } from "@/lib/environments/requests/irsa-policy-sources";
import { defaultEntryName, editAnswers, formEditable, resourceFields, type InputState } from "./edit-form-fields";

const folder = messyFolder();

/** The resource form's controls for a block of the messy folder, as the edit page builds them. */
async function fieldsOf(block: string) {
  const read = await readEditableInputs(folder, block, profile);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return resourceFields(read.inputs, namespacePolicySources(profile, folder.record.modules, block));
}

describe("resourceFields", () => {
  it("makes an irsa block's role_policy_arns a map control: its entries, the expression kept read-only, the namespace's policy sources offered", async () => {
    const [field, ...rest] = await fieldsOf("irsa");
    expect(rest).toEqual([]);
    expect(field).toEqual({
      name: "inputs.role_policy_arns",
      label: "role_policy_arns",
      type: "map",
      initial: { rds: "module.rds.irsa_policy_arn", audit: "module.audit_queue.irsa_policy_arn", extra: "aws_iam_policy.extra.arn" },
      readOnly: ["extra"],
      // Not read_replica (count = 0), serviceaccount (no policy) or irsa itself.
      options: ["module.redis.irsa_policy_arn", "module.rds.irsa_policy_arn", "module.queues.irsa_policy_arn", "module.audit_queue.irsa_policy_arn"],
      help: "Each value: module.<resource>.irsa_policy_arn or an IAM policy ARN",
    });
  });

  it("sends what `berth edit resource` takes: one policy added, one removed, the expression passed back, and the backend writes exactly that", async () => {
    const [field] = await fieldsOf("irsa");
    const kept = Object.entries(field!.initial as Record<string, string>).filter(([key]) => key !== "audit");
    const values = { [field!.name]: { ...Object.fromEntries(kept), cache: "module.redis.irsa_policy_arn" } };
    const { answers } = editAnswers([field!], values, { name: "irsa" });
    expect(answers).toEqual({
      name: "irsa",
      inputs: { role_policy_arns: { rds: "module.rds.irsa_policy_arn", extra: "aws_iam_policy.extra.arn", cache: "module.redis.irsa_policy_arn" } },
    });
    const result = await editResource(folder, resourceAnswersSchema.parse(answers), profile);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const file = result.files[0]!;
    expect(changedLines(folder.files.get(file.path.slice(MESSY_PATH.length + 1))!, file.content!)).toBe(
      [
        "@@ 10",
        "-     audit = module.audit_queue.irsa_policy_arn",
        "-     extra = aws_iam_policy.extra.arn # hand-written below",
        "+     extra = aws_iam_policy.extra.arn # hand-written below",
        "+     cache = module.redis.irsa_policy_arn",
      ].join("\n"),
    );
  });

  it("sends nothing for a map left as it was", async () => {
    const [field] = await fieldsOf("irsa");
    expect(editAnswers([field!], { [field!.name]: field!.initial }, { name: "irsa" }).answers).toEqual({ name: "irsa" });
  });

  it("makes a serviceaccount's repositories a list and its token rotation date text, pre-filled", async () => {
    const fields = await fieldsOf("serviceaccount");
    expect(fields.find((f) => f.name === "inputs.github_repositories")).toMatchObject({ type: "list", initial: ["messy-app", "messy-api"] });
    expect(fields.find((f) => f.name === "inputs.serviceaccount_token_rotated_date")).toMatchObject({
      type: "text",
      initial: "01-01-2025",
      help: "a date such as 01-06-2026 or 2026-06-01, as the block writes it",
    });
    const { answers } = editAnswers(fields, {
      ...Object.fromEntries(fields.map((f) => [f.name, f.initial])),
      "inputs.serviceaccount_token_rotated_date": "2026-06-01",
    });
    expect(answers).toEqual({ inputs: { serviceaccount_token_rotated_date: "2026-06-01" } });
  });

  it("leaves out a map the block does not set or writes as an expression, and offers only values the input's pattern takes", () => {
    const spec = { type: "map(string)", pattern: "arn:aws:iam::[0-9]+:policy/.+" };
    const unset: InputState = { input: "m", spec, set: false, representable: true, value: null, text: null };
    const expression: InputState = { input: "m", spec, set: true, representable: false, value: null, text: "local.policies" };
    const set: InputState = { input: "m", spec, set: true, representable: true, value: {}, text: "{}" };
    expect([unset, expression, set].map(formEditable)).toEqual([false, false, true]);
    expect(resourceFields([unset, expression, set], ["rds"])).toEqual([{ name: "inputs.m", label: "m", type: "map", initial: {}, options: [] }]);
  });
});

describe("defaultEntryName", () => {
  it("names an added policy after its module block", () => {
    expect(defaultEntryName("module.orders_db.irsa_policy_arn")).toBe("orders_db");
    expect(defaultEntryName("arn:aws:iam::aws:policy/ReadOnly")).toBe("");
  });
});
