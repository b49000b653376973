import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { cloudPlatformNamespace } from "../testing/cloud-platform-namespace";
import { changeFixture, inFolder, LIVE } from "../testing/change-fixture";
import { checkPermissions, rbacTeams } from "./check-permissions";

const folder = `${LIVE}/orders-dev`;
const files = cloudPlatformNamespace("orders-dev", { teams: ["orders-team"] });
const onMain = inFolder(folder, files);
const tf = { [`${folder}/resources/sqs.tf`]: 'module "q" {}\n' };
const as = (teams: string[]) => ({ login: "alice", teams });

describe("check-permissions", () => {
  it("reads the github: Group subjects of 01-rbac.yaml", () => {
    expect(rbacTeams(files["01-rbac.yaml"]!)).toEqual(["orders-team"]);
  });

  it("passes a member of a team 01-rbac.yaml binds on main, for an existing namespace", () => {
    expect(checkPermissions(changeFixture(tf, { base: onMain, author: as(["orders-team"]) }), profile)).toEqual([
      {
        id: "check-permissions",
        status: "pass",
        message: "orders-dev: alice is a member of orders-team (01-rbac.yaml on main)",
        file: `${folder}/01-rbac.yaml`,
      },
    ]);
  });

  it("uses main's 01-rbac.yaml, not the PR's: adding yourself to the team does not pass", () => {
    const sneaky = { ...tf, [`${folder}/01-rbac.yaml`]: files["01-rbac.yaml"]!.replace("github:orders-team", "github:intruders") };
    const [result] = checkPermissions(changeFixture(sneaky, { base: onMain, author: as(["intruders"]) }), profile);
    expect(result).toMatchObject({ status: "fail", message: "orders-dev: alice is not a member of orders-team, the team 01-rbac.yaml binds on main" });
  });

  it("uses the PR's own 01-rbac.yaml for a new namespace", () => {
    const change = (teams: string[]) => changeFixture(onMain, { author: as(teams) });
    expect(checkPermissions(change(["orders-team"]), profile)[0]).toMatchObject({ status: "pass", message: expect.stringContaining("in this change") });
    expect(checkPermissions(change(["other"]), profile)[0]).toMatchObject({ status: "fail" });
  });

  it("always passes the platform's reviewer teams (WebOps)", () => {
    expect(checkPermissions(changeFixture(tf, { base: onMain, author: as(["webops"]) }), profile)[0]).toMatchObject({
      status: "pass",
      message: "orders-dev: alice is a member of webops, who may change any namespace",
    });
  });

  it("only looks at live-cluster paths", () => {
    const elsewhere = { "namespaces/other.example/orders-dev/resources/x.tf": "", "README.md": "" };
    expect(checkPermissions(changeFixture(elsewhere, { author: as([]) }), profile)).toEqual([
      { id: "check-permissions", status: "pass", message: "the change touches no live-cluster namespace", file: null },
    ]);
  });

  it("without an author, names who may pass, and warns when no team is bound", () => {
    expect(checkPermissions(changeFixture(tf, { base: onMain, author: null }), profile)[0]).toMatchObject({ status: "pass" });
    expect(checkPermissions(changeFixture({ [`${LIVE}/monitoring/x.yaml`]: "" }, { author: null }), profile)[0]).toMatchObject({
      status: "warn",
      message: "monitoring: 01-rbac.yaml in this change binds no GitHub team: only webops can pass this check",
    });
  });
});
