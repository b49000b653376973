import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { changeFixture, LIVE } from "../testing/change-fixture";
import { rejectMultiNamespacePrs } from "./reject-multi-namespace-prs";

const LIVE2 = "namespaces/live-2.cloud-platform.service.justice.gov.uk";
const run = (...paths: string[]) => rejectMultiNamespacePrs(changeFixture(Object.fromEntries(paths.map((p) => [p, ""]))), profile)[0]!;

describe("reject-multi-namespace-prs", () => {
  it("passes one namespace, however many files", () => {
    expect(run(`${LIVE}/a/00-namespace.yaml`, `${LIVE}/a/resources/s3.tf`)).toMatchObject({
      status: "pass",
      message: "one namespace: live.cloud-platform.service.justice.gov.uk/a",
    });
  });

  it("fails two namespaces, across clusters too", () => {
    expect(run(`${LIVE}/a/x.yaml`, `${LIVE}/b/x.yaml`).status).toBe("fail");
    expect(run(`${LIVE}/a/x.yaml`, `${LIVE2}/a/x.yaml`).message).toMatch(/touches 2 namespaces/);
  });

  it("does not count files outside namespaces/ or outside the live clusters", () => {
    expect(run(`${LIVE}/a/x.yaml`, "README.md", ".github/workflows/x.yml", "namespaces/other.example/b/x.yaml").status).toBe("pass");
    expect(run("README.md")).toMatchObject({ status: "pass", message: "the change touches no live-cluster namespace" });
  });

  it("counts a deleted namespace's files", () => {
    const change = changeFixture(
      { [`${LIVE}/a/x.yaml`]: "", [`${LIVE}/b/00-namespace.yaml`]: null },
      { base: { [`${LIVE}/b/00-namespace.yaml`]: "kind: Namespace\n" } },
    );
    expect(rejectMultiNamespacePrs(change, profile)[0]!.status).toBe("fail");
  });
});
