import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { cloudPlatformNamespace } from "../testing/cloud-platform-namespace";
import { changeFixture, LIVE } from "../testing/change-fixture";
import { yamlMetadataChangeCheck } from "./yaml-metadata-change-check";

const path = `${LIVE}/orders-dev/01-rbac.yaml`;
const rbac = cloudPlatformNamespace("orders-dev")["01-rbac.yaml"]!;
const run = (content: string | null, previous: string | null = rbac) =>
  yamlMetadataChangeCheck(changeFixture({ [path]: content }, { base: previous === null ? {} : { [path]: previous } }), profile)[0]!;

describe("yaml-metadata-change-check", () => {
  it("fails a changed metadata.name", () => {
    expect(run(rbac.replace("name: orders-dev-admin", "name: renamed"))).toMatchObject({
      status: "fail",
      message: "01-rbac.yaml: RoleBinding metadata.name changes from orders-dev-admin to renamed",
    });
  });

  it("passes other edits, new files and deletions", () => {
    expect(run(rbac.replace("github:webops", "github:other")).status).toBe("pass");
    expect(run(rbac, null).status).toBe("pass");
    expect(run(null).status).toBe("pass");
  });
});
