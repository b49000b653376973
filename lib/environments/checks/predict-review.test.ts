import { describe, expect, it } from "vitest";
import { predictReview, type ChangedFile } from "./predict-review";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { renderNamespaceFiles } from "../render/render-namespace-files";
import { renderResourceFiles } from "../render/render-resource-files";
import type { ResourceAnswer } from "../requests/resource-request";
import { rewriteModuleRef } from "../edit/rewrite-module-ref";
import { moduleBlock } from "../testing/cloud-platform-namespace";
import { namespaceRecord } from "../testing/namespace-record";
import { withStandardTerraform } from "../testing/standard-terraform";
import type { NamespaceRecord } from "../types";

const ns = namespaceRecord("orders-dev");
const at = (rel: string, content: string, previous?: string | null): ChangedFile => ({ path: `${ns.path}/${rel}`, content, previous });
const predict = (files: ChangedFile[], namespace: NamespaceRecord = ns) => predictReview({ files }, { namespace, profile });
const rendered = (namespace: NamespaceRecord, ...resources: ResourceAnswer[]) =>
  renderResourceFiles({ resources }, { ...withStandardTerraform(namespace), profile });

describe("predictReview", () => {
  it("auto-approves catalogued modules at the catalogue's versions under resources/", () => {
    const p = predict(
      rendered(
        ns,
        { kind: "rds", name: "db", engineVersion: "16", instanceClass: "db.t4g.micro" },
        { kind: "sqs", name: "q", deadLetterQueue: true },
        { kind: "s3", name: "b" },
      ),
    );
    expect(p).toEqual({
      autoApprovable: true,
      reason: "auto-approvable: only catalogued modules at the catalogue's versions under resources/, with no IAM change",
      flags: { production: false, iam: false, yamlOutsideResources: false, skipApply: false, uncataloguedVersion: false, publicBucket: false },
    });
  });

  it("production and skip-apply are flags, not blockers", () => {
    const prod = namespaceRecord("orders-prod", { isProduction: true, skipApply: true });
    const p = predict(rendered(prod, { kind: "ecr", name: "img" }), prod);
    expect(p.autoApprovable).toBe(true);
    expect(p.flags).toMatchObject({ production: true, skipApply: true });
  });

  it("sends IAM to review: irsa, serviceaccount, aws_iam_* and role_policy_arns", () => {
    const existing = namespaceRecord("orders-dev", { modules: [{ name: "q", module: "sqs", source: "", ref: "5.1.2", file: "resources/q.tf" }] });
    const irsa = predict(rendered(existing, { kind: "irsa", name: "app_irsa", serviceAccount: "app", policies: ["q"] }));
    expect(irsa.autoApprovable).toBe(false);
    expect(irsa.flags.iam).toBe(true);
    expect(irsa.reason).toMatch(/^needs a platform review: module app_irsa is an IAM change \(irsa\); .*declares IAM/);
    expect(predict(rendered(ns, { kind: "serviceaccount", name: "ci" })).reason).toContain("module ci is an IAM change (serviceaccount)");
    const raw = predict([at("resources/policy.tf", 'resource "aws_iam_policy" "p" {\n  policy = "{}"\n}\n')]);
    expect(raw.flags.iam).toBe(true);
    expect(raw.reason).toContain('resources/policy.tf has a resource "aws_iam_policy" block');
    expect(predict([at("resources/doc.tf", 'data "aws_iam_policy_document" "d" {\n}\n')]).flags.iam).toBe(true);
  });

  it("sends uncatalogued modules and other versions to review", () => {
    const other = predict([at("resources/x.tf", moduleBlock("x", "my-thing", "1.0.0"))]);
    expect(other).toMatchObject({ autoApprovable: false, flags: { uncataloguedVersion: true } });
    expect(other.reason).toContain("module x in resources/x.tf is not an allow-listed module");
    const old = predict([at("resources/q.tf", moduleBlock("q", "sqs", "5.0.0"))]);
    expect(old.reason).toContain("module q is pinned to 5.0.0, not the catalogue's sqs 5.1.2");
    expect(predict([at("resources/q.tf", 'module "q" {\n  source = "github.com/ministryofjustice/cloud-platform-terraform-sqs"\n}\n')]).reason).toContain(
      "module q is not pinned",
    );
  });

  it("auto-approves an upgrade to the catalogue's version, judging only the upgraded block", () => {
    const before = `${moduleBlock("q", "sqs", "5.0.0")}\n${moduleBlock("legacy", "sqs", "4.0.0")}`;
    const after = rewriteModuleRef(before, "q", "5.1.2");
    expect(predict([at("resources/sqs.tf", after, before)]).autoApprovable).toBe(true);
    const irsaBefore = moduleBlock("irsa", "irsa", "2.0.0").replace("team_name", "role_policy_arns = {}\n  team_name");
    const irsaUp = predict([at("resources/irsa.tf", rewriteModuleRef(irsaBefore, "irsa", "2.1.0"), irsaBefore)]);
    expect(irsaUp).toMatchObject({ autoApprovable: false, flags: { iam: true } });
    expect(irsaUp.reason).not.toContain("declares IAM");
  });

  it("flags and blocks a public bucket", () => {
    const p = predict(rendered(ns, { kind: "s3", name: "site", publicAccess: true, justification: "Public website" }));
    expect(p).toMatchObject({ autoApprovable: false, flags: { publicBucket: true } });
    expect(p.reason).toBe("needs a platform review: resources/site.tf opens an S3 bucket to the public");
  });

  it("sends YAML outside resources/, other Terraform blocks and non-Terraform files to review", () => {
    const yaml = predict([at("05-extra.yaml", "kind: ConfigMap\n")]);
    expect(yaml).toMatchObject({ autoApprovable: false, flags: { yamlOutsideResources: true } });
    expect(yaml.reason).toBe("needs a platform review: 05-extra.yaml is outside resources/");
    const marker = predict([at(profile.skipApplyMarker, "")]);
    expect(marker.flags).toMatchObject({ skipApply: true, yamlOutsideResources: true });
    expect(predict([at("resources/main.tf", 'provider "aws" {\n}\n')]).reason).toContain('has a provider "aws" block');
    expect(predict([at("resources/notes.md", "hi")]).reason).toContain("resources/notes.md is not a Terraform file");
    expect(predict([{ path: "README.md", content: "x" }]).reason).toContain("README.md is outside the namespaces folder");
    expect(predict([]).reason).toBe("needs a platform review: the change has no files");
  });

  it("works for a namespace request: its YAML needs review, production read from the label", () => {
    const files = renderNamespaceFiles(
      {
        name: "new-prod",
        cluster: "live",
        environment: "production",
        isProduction: true,
        application: "App",
        team: "team-a",
        businessUnit: "HMPPS",
        slackChannel: "a",
        serviceArea: "S",
        ownerName: "T",
        ownerEmail: "t@example.com",
        sourceCode: "https://github.com/o/r",
        reviewAfter: "",
      },
      profile,
    );
    const p = predictReview({ files }, { profile });
    expect(p.autoApprovable).toBe(false);
    expect(p.flags).toMatchObject({ production: true, yamlOutsideResources: true, iam: false });
    expect(p.reason).toContain("00-namespace.yaml is outside resources/");
    expect(p.reason).toContain("resources/main.tf has a terraform block");
  });
});
