import { loadHclParser } from "./hcl/load-hcl-parser";
import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { renderResourceFiles } from "../render/render-resource-files";
import { ModuleRefRewriteError, rewriteModuleRef } from "./rewrite-module-ref";
import { namespaceRecord } from "../testing/namespace-record";

/** Written by hand long ago: comments mentioning the pin, tabs, CRLF, odd spacing, git:: sources, a heredoc, a lookalike block. */
const messy = [
  '# Queue for orders. Was ?ref=4.9.0 until 2023; source = "...sqs?ref=5.0.0" in the old docs',
  '/* module "orders_queue" {',
  '     source = "github.com/ministryofjustice/cloud-platform-terraform-sqs?ref=5.0.0"',
  "   } */",
  'module    "orders_queue"   {',
  '\tsource="git::https://github.com/ministryofjustice/cloud-platform-terraform-sqs.git?ref=5.0.0"   # pinned, see ticket 123\r',
  '  sqs_name        = "orders"\r',
  "  policy = <<EOF",
  '  source = "github.com/ministryofjustice/cloud-platform-terraform-sqs?ref=5.0.0"',
  "EOF",
  "",
  "  team_name = var.team_name // ref=5.0.0",
  "}",
  "",
  'module "orders_queue_copy" {',
  '  source = "github.com/ministryofjustice/cloud-platform-terraform-sqs?ref=5.0.0"',
  "}",
  "",
  'module "registry_style" {',
  '  source  = "terraform-aws-modules/sqs/aws"',
  '  version = "5.0.0"',
  "}",
  "",
].join("\n");

describe("rewriteModuleRef", () => {
  it("changes only the block's ref, byte for byte otherwise, on a messy hand-written file", () => {
    const out = rewriteModuleRef(messy, "orders_queue", "5.1.2");
    const i = messy.indexOf('source="git::');
    const at = messy.indexOf("ref=5.0.0", i);
    expect(out).toBe(messy.slice(0, at) + "ref=5.1.2" + messy.slice(at + "ref=5.0.0".length));
    expect(out.length).toBe(messy.length);
  });

  it("touches the lookalike block only when asked", () => {
    const out = rewriteModuleRef(messy, "orders_queue_copy", "5.1.2");
    const at = messy.indexOf("ref=5.0.0", messy.indexOf('module "orders_queue_copy"'));
    expect(out).toBe(messy.slice(0, at) + "ref=5.1.2" + messy.slice(at + 9));
  });

  it("changes a registry source's version string", () => {
    const out = rewriteModuleRef(messy, "registry_style", "5.1.2");
    expect(out).toBe(messy.replace('version = "5.0.0"', 'version = "5.1.2"'));
  });

  it("keeps a v prefix and other query parameters", () => {
    const text = 'module "m" {\n  source = "git::https://x/m.git?depth=1&ref=v1.2.0"\n}\n';
    expect(rewriteModuleRef(text, "m", "1.3.0")).toBe(text.replace("v1.2.0", "v1.3.0"));
  });

  it("refuses what it cannot rewrite safely", () => {
    expect(() => rewriteModuleRef(messy, "missing", "1.0.0")).toThrow(ModuleRefRewriteError);
    expect(() => rewriteModuleRef('module "m" {\n  source = "./local"\n}\n', "m", "1.0.0")).toThrow(/no plain \?ref= or version/);
    expect(() => rewriteModuleRef('module "m" {\n  source = "x?ref=\\u0031.0"\n}\n', "m", "2.0.0")).toThrow(/change it by hand/);
  });

  it("is what renderResourceFiles writes for an upgrade, reading the file by its repository path", async () => {
    const namespace = namespaceRecord("legacy", {
      files: ["resources/queues.tf"],
      modules: [
        { name: "orders_queue", module: "sqs", source: "", ref: "5.0.0", file: "resources/queues.tf" },
        { name: "registry_style", module: "sqs", source: "", ref: "5.0.0", file: "resources/queues.tf" },
      ],
    });
    const read: string[] = [];
    const files = renderResourceFiles(
      {
        resources: [
          { kind: "upgrade", name: "orders_queue", version: "5.1.2" },
          { kind: "upgrade", name: "registry_style", version: "5.1.2" },
        ],
      },
      { namespace, profile, hcl: await loadHclParser(), readFile: (p) => (read.push(p), messy) },
    );
    expect(read).toEqual([`${namespace.path}/resources/queues.tf`]);
    expect(files).toEqual([
      { path: `${namespace.path}/resources/queues.tf`, content: rewriteModuleRef(rewriteModuleRef(messy, "orders_queue", "5.1.2"), "registry_style", "5.1.2") },
    ]);
  });
});
