import { describe, expect, it } from "vitest";
import { outputsSecret } from "../render/render-module-block";
import { readTerraformSecrets } from "./read-terraform-secrets";

describe("readTerraformSecrets", () => {
  it("reads the name and data keys of the secrets Berth renders", () => {
    const text = `module "orders_db" {\n  source = "x"\n}\n\n${outputsSecret("orders_db", "orders-db-output", ["database_name", "rds_instance_endpoint"])}`;
    expect(readTerraformSecrets(text)).toEqual([
      { label: "orders_db", name: "orders-db-output", keys: ["database_name", "rds_instance_endpoint"], modules: ["orders_db"] },
    ]);
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
      { label: "queue", name: "queue-output", keys: ["sqs_url", "sqs_arn", "policy", "nested", "templated"], modules: ["queue"] },
      { label: "dynamic", name: null, keys: [], modules: [] },
    ]);
  });

  it("reads which modules a secret carries, through jsonencode and indexes, and a disabled (count = 0) secret", () => {
    const text = `resource "kubernetes_secret" "read_replica" {
  count = 0
  metadata {
    name = "replica-output"
  }
  data = {
    endpoint = module.read_replica[0].rds_instance_endpoint
    both     = jsonencode([module.db.x, module.read_replica[0].y])
  }
}
resource "kubernetes_secret" "counted" {
  count = var.enabled ? 1 : 0
  metadata {
    name = "counted-output"
  }
}`;
    expect(readTerraformSecrets(text)).toEqual([
      { label: "read_replica", name: "replica-output", keys: ["endpoint", "both"], modules: ["read_replica", "db"], disabled: true },
      { label: "counted", name: "counted-output", keys: [], modules: [] },
    ]);
  });

  it("never throws on malformed input", () => {
    for (const text of ['resource "kubernetes_secret" "x" {', 'resource "kubernetes_secret" "x" { data = { a = "unterminated', "<<EOF\n", "}}}"]) {
      expect(() => readTerraformSecrets(text)).not.toThrow();
    }
  });
});
