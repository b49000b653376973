import { describe, expect, it } from "vitest";
import { latestVersion } from "../profile/module-version";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { changeFixture, LIVE } from "../testing/change-fixture";
import { moduleBlock } from "../testing/cloud-platform-namespace";
import { checkTerraformModuleVersion } from "./check-terraform-module-version";

const path = `${LIVE}/orders-dev/resources/sqs.tf`;
const sqs = latestVersion(profile, "sqs")!;
const run = (content: string | null) => checkTerraformModuleVersion(changeFixture({ [path]: content }), profile);

describe("check-terraform-module-version", () => {
  it("passes modules pinned to their latest release", () => {
    expect(run(moduleBlock("q", "sqs", sqs))).toEqual([
      expect.objectContaining({ status: "pass", message: "the module in the changed files is at its latest release" }),
    ]);
  });

  it("fails every module of a changed file that lags, changed or not", () => {
    const results = run(`${moduleBlock("q", "sqs", sqs)}\n${moduleBlock("old", "sqs", "4.0.0")}`);
    expect(results).toEqual([
      expect.objectContaining({ status: "fail", message: `resources/sqs.tf: module old is pinned to sqs 4.0.0; the latest release is ${sqs}` }),
    ]);
  });

  it("fails an unpinned platform module", () => {
    const text = 'module "q" {\n  source = "github.com/ministryofjustice/cloud-platform-terraform-sqs"\n}\n';
    expect(run(text)[0]).toMatchObject({ status: "fail", message: expect.stringMatching(/module q is not pinned/) });
  });

  it("warns on a platform module whose latest release Berth does not know, and ignores other sources", () => {
    expect(run(moduleBlock("x", "brand-new-thing", "1.0.0"))[0]).toMatchObject({ status: "warn" });
    expect(run('module "local" {\n  source = "./modules/x"\n}\n')[0]).toMatchObject({ status: "pass", message: "the changed files use no platform module" });
  });

  it("does not judge deleted files", () => {
    expect(run(null)[0]!.status).toBe("pass");
  });
});
