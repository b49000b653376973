import { describe, expect, it } from "vitest";
import { cloudPlatformNamespace } from "@/lib/environments/testing/cloud-platform-namespace";
import { inFolder, LIVE } from "@/lib/environments/testing/change-fixture";
import { profile } from "../testing/fake-services";
import { checkChange } from "./check-change";

const folder = `${LIVE}/orders-dev`;
const onMain = inFolder(folder, cloudPlatformNamespace("orders-dev", { teams: ["orders-team"] }));
const sqs = { path: `${folder}/resources/sqs.tf`, content: 'module "q" {}\n', previous: null };

/** The base commit as a map, recording every path asked for. */
function base(files: Record<string, string>) {
  const asked: string[] = [];
  return {
    asked,
    readBase: async (path: string) => {
      asked.push(path);
      return files[path] ?? null;
    },
  };
}

const permissions = (checks: { id: string; status: string; message: string }[]) => checks.find((c) => c.id === "check-permissions");

describe("checkChange", () => {
  it("reads only CODEOWNERS and the 01-rbac.yaml of each touched namespace from the base commit", async () => {
    const other = { path: `${LIVE}/visits-dev/resources/s3.tf`, content: "", previous: null };
    const read = base(onMain);
    await checkChange([sqs, other, { ...sqs, path: `${folder}/resources/rds.tf` }, { path: "README.md", content: "", previous: null }], {
      profile,
      author: null,
      readBase: read.readBase,
    });
    expect([...read.asked].sort()).toEqual(
      [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", `${folder}/01-rbac.yaml`, `${LIVE}/visits-dev/01-rbac.yaml`].sort(),
    );
  });

  it("checks the author against the team the base commit's 01-rbac.yaml binds", async () => {
    const run = async (teams: string[], files: Record<string, string>) =>
      permissions((await checkChange([sqs], { profile, author: { login: "alice", teams }, readBase: base(files).readBase })).checks);
    expect(await run(["orders-team"], onMain)).toMatchObject({
      status: "pass",
      message: "orders-dev: alice is a member of orders-team (01-rbac.yaml on main)",
    });
    expect(await run(["intruders"], onMain)).toMatchObject({ status: "fail" });
    // Without the base's 01-rbac.yaml no team is bound, so the member of orders-team fails too.
    expect(await run(["orders-team"], {})).toMatchObject({ status: "fail", message: expect.stringContaining("not a member of any team") });
  });

  it("forecasts the approvers from the first CODEOWNERS found, else the profile's default owners", async () => {
    const forecast = async (files: Record<string, string>) =>
      (await checkChange([sqs], { profile, author: null, readBase: base({ ...onMain, ...files }).readBase })).review;
    expect((await forecast({})).approvers).toEqual(profile.review.defaultOwners);
    expect((await forecast({ "docs/CODEOWNERS": "* @org/docs\n" })).approvers).toEqual(["@org/docs"]);
    expect((await forecast({ "docs/CODEOWNERS": "* @org/docs\n", ".github/CODEOWNERS": "* @org/github\n" })).approvers).toEqual(["@org/github"]);
  });

  it("passes the indexed namespace on to the forecast's flags, and fails checks show there", async () => {
    const read = base(onMain);
    const { checks, review } = await checkChange([sqs], {
      profile,
      author: { login: "mallory", teams: [] },
      readBase: read.readBase,
      namespace: { isProduction: true, skipApply: true },
    });
    expect(review.flags).toMatchObject({ production: true, skipApply: true });
    expect(review.failing).toContainEqual({ id: "check-permissions", message: permissions(checks)!.message });
  });
});
