import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile, type PlatformProfile } from "../profile/profile";
import { renderNamespaceFiles } from "../render/render-namespace-files";
import { changeFixture, inFolder, LIVE } from "../testing/change-fixture";
import { cloudPlatformNamespace, moduleBlock } from "../testing/cloud-platform-namespace";
import { namespaceRequestFixture } from "../testing/namespace-request-fixture";
import type { Change } from "./change";
import { forecastReview } from "./forecast-review";
import { runChecks } from "./run-checks";

const CODEOWNERS = "* @ministryofjustice/WebOps\n";
const folder = `${LIVE}/orders-dev`;
const onMain = inFolder(folder, cloudPlatformNamespace("orders-dev", { teams: ["team-a"] }));
const forecast = (
  change: Change,
  options: { codeowners?: string | null; namespace?: { isProduction: boolean; skipApply: boolean }; profile?: PlatformProfile } = {},
) =>
  forecastReview(
    {
      change,
      results: runChecks(change, options.profile ?? profile),
      codeowners: options.codeowners === undefined ? CODEOWNERS : options.codeowners,
      namespace: options.namespace,
    },
    options.profile ?? profile,
  );
const tf = (rel: string, content: string, previous?: string) =>
  changeFixture({ [`${folder}/${rel}`]: content }, { base: { ...onMain, ...(previous === undefined ? {} : { [`${folder}/${rel}`]: previous }) } });

describe("forecastReview", () => {
  it("a new namespace: WebOps approves (CODEOWNERS), no auto-approver, no failing check, no repeated reason", () => {
    const files = Object.fromEntries(renderNamespaceFiles(namespaceRequestFixture(), profile).map((f) => [f.path, f.content]));
    const f = forecast(changeFixture(files, { author: { login: "vic", teams: ["hmpps-visits"] } }));
    expect(f).toEqual({
      version: 2,
      approvers: ["@ministryofjustice/WebOps"],
      autoApproved: null,
      summary: "Needs an approval from @ministryofjustice/WebOps (CODEOWNERS); the platform has no auto-approver",
      failing: [],
      reasons: [],
      flags: {
        production: false,
        iam: false,
        yamlOutsideResources: true,
        skipApply: false,
        uncataloguedVersion: false,
        publicBucket: false,
        majorBump: false,
        clusterStateUnknown: false,
      },
    });
  });

  it("falls back to the profile's default owners without CODEOWNERS", () => {
    expect(forecast(tf("resources/q.tf", moduleBlock("q", "sqs", "5.1.2")), { codeowners: null }).summary).toBe(
      "Needs an approval from @ministryofjustice/WebOps; the platform has no auto-approver",
    );
  });

  it("flags IAM per the real check, naming the check once per file", () => {
    const text = 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ "Effect": "Allow", "Action": ["s3:GetObject"] })\n}\n';
    const f = forecast(tf("resources/policy.tf", text));
    expect(f.flags.iam).toBe(true);
    expect(f.reasons).toEqual([expect.stringMatching(/^iam-role-policy-changes-check: resources\/policy\.tf: 2 changed lines match aws_iam, "Effect":, "s3:/)]);
  });

  it("lists failing checks with their ids, once each", () => {
    const f = forecast(tf("resources/q.tf", `${moduleBlock("q", "sqs", "4.0.0")}\n${moduleBlock("r", "sqs", "4.0.0")}`));
    expect(f.failing).toEqual([
      { id: "check-terraform-module-version", message: "resources/q.tf: module q is pinned to sqs 4.0.0; the latest release is 5.1.2" },
      { id: "check-terraform-module-version", message: "resources/q.tf: module r is pinned to sqs 4.0.0; the latest release is 5.1.2" },
    ]);
    expect(f.flags.uncataloguedVersion).toBe(true);
    expect(f.reasons).toEqual([]);
  });

  it("flags production, skip-apply, a public bucket and a major version bump, one line each", () => {
    const before = moduleBlock("q", "sqs", "4.0.0");
    const after = `${moduleBlock("q", "sqs", "5.1.2")}\nmodule "b" {\n  source = "github.com/ministryofjustice/cloud-platform-terraform-s3-bucket?ref=5.3.0"\n  enable_allow_block_pub_access = false\n}\n`;
    const f = forecast(tf("resources/q.tf", after, before), { namespace: { isProduction: true, skipApply: true } });
    expect(f.flags).toMatchObject({ production: true, skipApply: true, publicBucket: true, majorBump: true, iam: false });
    expect(f.reasons).toEqual([
      "Production namespace",
      "The namespace carries APPLY_PIPELINE_SKIP_THIS_NAMESPACE: the continuous apply skips it (the apply on merge does not)",
      "An S3 bucket is opened to the public",
      "Module q: sqs 4.0.0 -> 5.1.2, a new major version",
    ]);
  });

  it("with an auto-approver in the profile, says whether it would approve and why not", () => {
    const withBot = { ...profile, review: { ...profile.review, autoApprover: { name: "The approver bot", paths: ["resources/"], blockingFlags: ["iam"] } } };
    expect(forecast(tf("resources/q.tf", moduleBlock("q", "sqs", "5.1.2")), { profile: withBot })).toMatchObject({
      autoApproved: true,
      summary: "The approver bot would approve it",
    });
    const iam = forecast(tf("resources/p.tf", 'resource "aws_iam_role" "r" {}\n'), { profile: withBot });
    expect(iam).toMatchObject({
      autoApproved: false,
      summary: "The approver bot would not approve it (iam): needs an approval from @ministryofjustice/WebOps",
    });
  });
});
