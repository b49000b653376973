import { beforeAll, describe, expect, it } from "vitest";
import { messyFolder } from "../fixtures/messy-folder";
import { addHclAttribute, removeHclAttribute, setHclAttribute } from "./edit-hcl-attribute";
import { findAttribute, findModuleBlocks, parseHcl, type HclFile } from "./hcl-tree";
import { loadHclParser, type HclParser } from "./load-hcl-parser";
import { removeHclBlock } from "./remove-hcl-block";
import { setHclObjectEntries } from "./set-hcl-object-entries";

let parser: HclParser;
beforeAll(async () => {
  parser = await loadHclParser();
});

const file = (name: string): HclFile => parseHcl(parser, messyFolder().files.get(`resources/${name}`)!);
const only = (f: HclFile, label: string) => findModuleBlocks(f, label)[0]!;

describe("parseHcl", () => {
  it("reads blocks, labels and which values a form can represent", () => {
    const rds = file("rds.tf");
    expect(rds.hasErrors).toBe(false);
    expect(rds.blocks.map((b) => [b.type, ...b.labels])).toEqual([
      ["module", "rds"],
      ["module", "read_replica"],
      ["resource", "kubernetes_secret", "rds"],
      ["locals"],
    ]);
    const block = only(rds, "rds");
    expect(findAttribute(block, "db_engine_version")!.value).toEqual({ kind: "string", value: "16" });
    expect(findAttribute(block, "deletion_protection")!.value).toEqual({ kind: "bool", value: true });
    expect(findAttribute(block, "vpc_name")!.value).toEqual({ kind: "expression" });
    expect(findAttribute(block, "db_parameter")!.value.kind).toBe("expression");
    expect(findAttribute(only(rds, "read_replica"), "count")!.value).toEqual({ kind: "number", value: 0 });
    expect(findAttribute(only(file("serviceaccount.tf"), "serviceaccount"), "github_repositories")!.value).toEqual({
      kind: "list",
      value: ["messy-app", "messy-api"],
    });
  });

  it("finds module references in expressions and templates, not in heredocs or comments", () => {
    expect(file("irsa.tf").references.map((r) => `${r.module}.${r.output}`)).toEqual([
      "rds.irsa_policy_arn",
      "audit_queue.irsa_policy_arn",
      "irsa.role_name",
      "irsa.role_arn",
      "irsa.service_account",
    ]);
    expect(file("rds.tf").references.filter((r) => r.module === "rds")).toHaveLength(10);
  });
});

describe("editing primitives", () => {
  it("sets a value keeping the comment after it, in a CRLF file", () => {
    const sqs = file("sqs.tf");
    const attr = findAttribute(only(sqs, "audit_queue"), "fifo_queue")!;
    const out = setHclAttribute(sqs.text, attr, "true");
    expect(out).toBe(sqs.text.replace("fifo_queue                = false\r\n", "fifo_queue                = true\r\n"));
  });

  it("adds an attribute aligned with aligned neighbours, with the file's line breaks", () => {
    const sqs = file("sqs.tf");
    const out = addHclAttribute(sqs.text, only(sqs, "audit_queue"), "delay_seconds", "5", "fifo_queue")!;
    expect(out).toBe(sqs.text.replace("fifo_queue                = false\r\n", "fifo_queue                = false\r\n  delay_seconds             = 5\r\n"));
    const sa = file("serviceaccount.tf");
    const plain = addHclAttribute(sa.text, only(sa, "serviceaccount"), "role_name", '"x"', "kubernetes_cluster")!;
    expect(plain).toContain('  kubernetes_cluster = var.kubernetes_cluster\n  role_name          = "x"\n');
  });

  it("removes an attribute with the comment lines above it", () => {
    const sa = file("serviceaccount.tf");
    const out = removeHclAttribute(sa.text, findAttribute(only(sa, "serviceaccount"), "github_repositories")!)!;
    expect(out).toBe(
      sa.text.replace(
        '  # Uncomment and provide repository names to create github actions secrets\n  # containing the ca.crt and token for use in github actions CI/CD pipelines\n  github_repositories = ["messy-app", "messy-api"]\n',
        "",
      ),
    );
  });

  it("removes a block with its leading comment and one blank line, keeping a missing final newline missing", () => {
    const sa = file("serviceaccount.tf");
    const out = removeHclBlock(sa.text, only(sa, "serviceaccount_deploy"));
    expect(out).toBe(sa.text.slice(0, sa.text.indexOf("\n\n//")));
    const first = removeHclBlock(sa.text, only(sa, "serviceaccount"));
    expect(first).toBe(sa.text.slice(sa.text.indexOf("//")));
  });

  it("edits an object's entries in place: keeps, changes, drops and adds", () => {
    const irsa = file("irsa.tf");
    const attr = findAttribute(only(irsa, "irsa"), "role_policy_arns")!;
    const desired = new Map([
      ["rds", "module.rds.irsa_policy_arn"],
      ["extra", "aws_iam_policy.extra.arn"],
      ["redis", "module.redis.irsa_policy_arn"],
    ]);
    expect(setHclObjectEntries(irsa.text, attr, desired)).toBe(
      irsa.text.replace(
        "    audit = module.audit_queue.irsa_policy_arn\n    extra = aws_iam_policy.extra.arn # hand-written below\n",
        "    extra = aws_iam_policy.extra.arn # hand-written below\n    redis = module.redis.irsa_policy_arn\n",
      ),
    );
  });
});
