import { describe, expect, it } from "vitest";
import { outputsSecret } from "../render/render-module-block";
import { readTerraformSecrets } from "./read-terraform-secrets";

describe("readTerraformSecrets", () => {
  it("reads the name and data keys of the secrets Berth renders", () => {
    const text = `module "orders_db" {\n  source = "x"\n}\n\n${outputsSecret("orders_db", "orders-db-output", ["database_name", "rds_instance_endpoint"])}`;
    expect(readTerraformSecrets(text)).toEqual([{ label: "orders_db", name: "orders-db-output", keys: ["database_name", "rds_instance_endpoint"] }]);
  });

  it("reads hand-written forms: quoted keys, commas, comments, templates, heredocs and v1 resources", () => {
    const text = `
# resource "kubernetes_secret" "commented" { metadata { name = "no" } }
resource "kubernetes_secret_v1" "queue" {
  metadata {
    name      = "queue-output" // the app mounts it
    namespace = var.namespace
    labels = { app = "x" }
  }
  data = {
    "sqs_url" = module.queue.sqs_id, sqs_arn = module.queue.sqs_arn
    /* name = "not a key" */
    policy = <<EOF
{ "not_a_key": "= {" }
EOF
    nested = jsonencode({ inner = "x" })
    templated = "\${module.queue.sqs_name}-x"
  }
}
resource "kubernetes_secret" "dynamic" {
  metadata {
    name = "\${var.namespace}-secret"
  }
  data = {}
}
resource "aws_iam_policy" "other" {
  name = "x"
}`;
    expect(readTerraformSecrets(text)).toEqual([
      { label: "queue", name: "queue-output", keys: ["sqs_url", "sqs_arn", "policy", "nested", "templated"] },
      { label: "dynamic", name: null, keys: [] },
    ]);
  });

  it("never throws on malformed input", () => {
    for (const text of ['resource "kubernetes_secret" "x" {', 'resource "kubernetes_secret" "x" { data = { a = "unterminated', "<<EOF\n", "}}}"]) {
      expect(() => readTerraformSecrets(text)).not.toThrow();
    }
  });
});
