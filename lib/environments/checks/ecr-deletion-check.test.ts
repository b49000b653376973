import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { changeFixture, LIVE } from "../testing/change-fixture";
import { moduleBlock } from "../testing/cloud-platform-namespace";
import { ecrDeletionCheck } from "./ecr-deletion-check";

const path = `${LIVE}/orders-dev/resources/ecr.tf`;
const ecr = moduleBlock("images", "ecr-credentials", "8.0.2");
const run = (content: string | null, previous: string | null) =>
  ecrDeletionCheck(changeFixture({ [path]: content }, { base: previous === null ? {} : { [path]: previous } }), profile)[0]!;

describe("ecr-deletion-check", () => {
  it("warns when an ECR repository's file or block is removed", () => {
    expect(run(null, ecr)).toMatchObject({ status: "warn", message: "resources/ecr.tf: removes ECR repository module images; its images are deleted with it" });
    expect(run(moduleBlock("q", "sqs", "5.1.2"), `${ecr}\n${moduleBlock("q", "sqs", "5.1.2")}`).status).toBe("warn");
  });

  it("passes adding or keeping one", () => {
    expect(run(ecr, null).status).toBe("pass");
    expect(run(ecr.replace("8.0.2", "8.0.3"), ecr).status).toBe("pass");
  });
});
