import { describe, expect, it } from "vitest";
import { scanTerraformModules } from "./scan-terraform-modules";

const src = (name: string) => `github.com/ministryofjustice/cloud-platform-terraform-${name}?ref=1.0.0`;

describe("scanTerraformModules", () => {
  it("finds module blocks with source and version, ignoring nested blocks and other attributes", () => {
    const { modules, problems } = scanTerraformModules(`
module "rds" {
  source = "${src("rds-instance")}"
  tags = {
    source = "not-this"
  }
  dynamic "x" {
    content {
      source = "nor-this"
    }
  }
}

resource "aws_s3_bucket" "b" {
  source = "also-not-a-module"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"
}
module "one_line" { source = "./modules/x" }
`);
    expect(problems).toEqual([]);
    expect(modules).toEqual([
      { name: "rds", source: src("rds-instance"), version: null, sourceIsExpression: false, count: null, line: 2 },
      { name: "vpc", source: "terraform-aws-modules/vpc/aws", version: "5.1.0", sourceIsExpression: false, count: null, line: 18 },
      { name: "one_line", source: "./modules/x", version: null, sourceIsExpression: false, count: null, line: 22 },
    ]);
  });

  it("reads count: a plain number, or an expression it does not evaluate", () => {
    const { modules, problems } = scanTerraformModules(`
module "replica" {
  source = "${src("rds-instance")}"
  count  = 0 # disabled read replica
  tags = {
    count = 7
  }
}
module "on" {
  count  = 1
  source = "${src("sqs")}"
}
module "switched" {
  source = "${src("sqs")}"
  count  = var.enabled ? 1 : 0
}
module "arithmetic" {
  source = "${src("sqs")}"
  count  = 0 + 1
}
module "quoted" {
  source = "${src("sqs")}"
  count  = "0"
}
module "plain" {
  source = "${src("sqs")}"
  version_count = 0
}
`);
    expect(problems).toEqual([]);
    expect(modules.map((m) => [m.name, m.count])).toEqual([
      ["replica", 0],
      ["on", 1],
      ["switched", "expression"],
      ["arithmetic", "expression"],
      ["quoted", 0],
      ["plain", null],
    ]);
  });

  it("is not fooled by braces, quotes and 'module' inside strings, interpolations, heredocs and comments", () => {
    const { modules, problems } = scanTerraformModules(`
locals {
  a = "}} module \\"fake\\" { \${join("}", ["{"])} %{ if true }x%{ endif } $\${literal"
  policy = <<EOF
{
  "Statement": [ { "Effect": "Allow" } ]
}
module "in_heredoc" {
  source = "x"
}
EOF
  indented = <<-EOT
    }}}
    EOT
}
# module "commented" { source = "x" }
// module "commented2" {
/* module "commented3" {
   source = "y" } */
module "real" {
  # a comment with "quotes and { braces
  source = "${src("sqs")}" // trailing
  name   = "\${var.namespace}-\${lookup({ a = "}" }, "a")}"
}
`);
    expect(problems).toEqual([]);
    expect(modules.map((m) => [m.name, m.source])).toEqual([["real", src("sqs")]]);
  });

  it("decodes escapes in a source and treats interpolated sources as expressions", () => {
    const { modules } = scanTerraformModules(`
module "esc" {
  source = "git::https://example.com/a\\u002Fcloud-platform-terraform-sqs.git?ref=1"
}
module "expr" {
  source = "\${var.base}/thing"
}
module "concat" {
  source = "a" + "b"
}
`);
    expect(modules[0]!.source).toBe("git::https://example.com/a/cloud-platform-terraform-sqs.git?ref=1");
    expect(modules[1]).toMatchObject({ name: "expr", source: null, sourceIsExpression: true });
    expect(modules[2]).toMatchObject({ name: "concat", source: null, sourceIsExpression: true });
  });

  it("reports an unterminated string with its line and keeps reading the next lines", () => {
    const { modules, problems } = scanTerraformModules(`module "a" {
  source = "${src("sqs")}
}
module "b" {
  source = "${src("irsa")}"
}
`);
    expect(problems).toEqual([{ line: 2, message: "unterminated string starting on line 2" }]);
    expect(modules.map((m) => m.name)).toEqual(["a", "b"]);
    expect(modules[1]!.source).toBe(src("irsa"));
  });

  it("reports an unterminated heredoc and keeps the modules before it", () => {
    const { modules, problems } = scanTerraformModules(`module "a" {
  source = "${src("sqs")}"
}
locals {
  x = <<EOF
never closed
`);
    expect(modules.map((m) => m.source)).toEqual([src("sqs")]);
    expect(problems.map((p) => p.message)).toEqual(["unterminated heredoc <<EOF starting on line 5", '"{" opened on line 4 is never closed']);
  });

  it("reports unclosed and unexpected braces and unterminated block comments", () => {
    const unclosed = scanTerraformModules(`module "a" {\n  source = "${src("sqs")}"\n`);
    expect(unclosed.modules[0]!.source).toBe(src("sqs"));
    expect(unclosed.problems).toEqual([{ line: 1, message: '"{" opened on line 1 is never closed' }]);

    const extra = scanTerraformModules(`}\nmodule "a" {\n  source = "x"\n}\n`);
    expect(extra.problems).toEqual([{ line: 1, message: 'unexpected "}" on line 1' }]);
    expect(extra.modules).toHaveLength(1);

    const comment = scanTerraformModules(`module "a" {\n source = "x"\n}\n/* never closed\nmodule "b" {}`);
    expect(comment.modules).toHaveLength(1);
    expect(comment.problems).toEqual([{ line: 4, message: "unterminated /* comment starting on line 4" }]);
  });

  it("reports an unterminated interpolation", () => {
    const { modules, problems } = scanTerraformModules(`module "a" {\n  source = "x"\n}\nlocals {\n  b = "\${var.x"\n`);
    expect(modules).toHaveLength(1);
    expect(problems).toContainEqual({ line: 5, message: 'unterminated "${" in the string that starts on line 5' });
  });

  it("survives junk and a module keyword without a body", () => {
    const junk = scanTerraformModules('\u0001\u0002{{"\\\u00ff module\nmodule\nmodule "x"\n');
    expect(junk.modules).toEqual([]);
    expect(junk.problems.length).toBeGreaterThan(0);
  });
});
