import { describe, expect, it } from "vitest";
import { parseModuleSource } from "./parse-module-source";

const prefix = "cloud-platform-terraform-";

describe("parseModuleSource", () => {
  it.each([
    ["github.com/ministryofjustice/cloud-platform-terraform-rds-instance?ref=9.2.0", "rds-instance", "9.2.0"],
    ["github.com/ministryofjustice/cloud-platform-terraform-sqs", "sqs", null],
    ["git::https://github.com/ministryofjustice/cloud-platform-terraform-irsa.git?ref=2.1.0", "irsa", "2.1.0"],
    ["git::https://github.com/org/cloud-platform-terraform-s3-bucket.git//modules/x?ref=v5.3.0", "s3-bucket", "v5.3.0"],
    ["git::ssh://git@github.com/org/cloud-platform-terraform-ecr-credentials.git?ref=8.0.0&depth=1", "ecr-credentials", "8.0.0"],
    ["git@github.com:org/cloud-platform-terraform-sns-topic.git?ref=5.1.2", "sns-topic", "5.1.2"],
    ["github.com/org/repo//sub/dir?ref=abc", "repo", "abc"],
    ["terraform-aws-modules/vpc/aws", "vpc", null],
    ["terraform-aws-modules/iam/aws//modules/iam-role", "iam", null],
    ["app.terraform.io/acme/network/aws", "network", null],
    ["./modules/my-thing", "my-thing", null],
    ["../shared/cloud-platform-terraform-sqs/", "sqs", null],
    ["https://example.com/modules/vpc.zip", "vpc", null],
    ["s3::https://s3-eu-west-1.amazonaws.com/bucket/vpc.tar.gz", "vpc", null],
    ["cloud-platform-terraform-", "cloud-platform-terraform-", null],
    ["", "", null],
  ])("%s -> %s @ %s", (source, module, ref) => {
    expect(parseModuleSource(source, prefix)).toEqual({ module, ref });
  });
});
