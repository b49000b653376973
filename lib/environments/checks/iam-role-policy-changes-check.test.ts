import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { changeFixture, LIVE } from "../testing/change-fixture";
import { iamRolePolicyChangesCheck } from "./iam-role-policy-changes-check";

const path = `${LIVE}/orders-dev/resources/irsa.tf`;
const run = (content: string | null, previous?: string) =>
  iamRolePolicyChangesCheck(changeFixture({ [path]: content }, { base: previous === undefined ? {} : { [path]: previous } }), profile);

describe("iam-role-policy-changes-check", () => {
  it.each([
    ['resource "aws_iam_policy" "p" {}'],
    ['data "aws_iam_policy_document" "d" {}'],
    ['  policy = jsonencode({ "Effect": "Allow" })'],
    ['      "Action": ["s3:GetObject"], "Resource": "*", "Sid": "x", "s3:x": 1'],
    ['    "sqs:SendMessage",'],
  ])("flags an added line matching an IAM pattern: %s", (line) => {
    expect(run(`${line}\n`)).toEqual([expect.objectContaining({ id: "iam-role-policy-changes-check", status: "warn", file: path })]);
  });

  it("flags removed lines too", () => {
    expect(run('module "q" {}\n', 'module "q" {}\nresource "aws_iam_role" "r" {}\n')[0]).toMatchObject({
      status: "warn",
      message: expect.stringContaining('-resource "aws_iam_role"'),
    });
  });

  it("does not flag irsa, serviceaccount or role_policy_arns lines as such", () => {
    const irsa = `module "app_irsa" {\n  source = "github.com/ministryofjustice/cloud-platform-terraform-irsa?ref=2.1.0"\n  role_policy_arns = { rds = module.rds.irsa_policy_arn }\n}\nmodule "sa" {\n  source = "github.com/ministryofjustice/cloud-platform-terraform-serviceaccount?ref=1.2.0"\n}\n`;
    expect(run(irsa)).toEqual([expect.objectContaining({ status: "pass" })]);
  });

  it("does not flag IAM text the change leaves as it is", () => {
    const before = 'resource "aws_iam_policy" "p" {}\nmodule "q" {\n  x = 1\n}\n';
    expect(run(before.replace("x = 1", "x = 2"), before)[0]!.status).toBe("pass");
  });

  it("reads the whole diff, not only namespace folders", () => {
    const change = changeFixture({ "docs/policy.json": '{ "Effect": "Deny" }\n' });
    expect(iamRolePolicyChangesCheck(change, profile)[0]).toMatchObject({ status: "warn", file: "docs/policy.json" });
  });
});
