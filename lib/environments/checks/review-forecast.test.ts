import { describe, expect, it } from "vitest";
import { parseStoredReview } from "./review-forecast";

describe("parseStoredReview", () => {
  it("reads an old auto-approve prediction into a forecast, each clause once, without the auto-approve verdict", () => {
    const clause = 'resources/x.tf has a resource "aws_iam_policy" block; only catalogued modules and their Secrets are auto-approved';
    const old = {
      autoApprovable: false,
      reason: `needs a platform review: needs a platform review: 00-namespace.yaml is outside resources/; ${clause}; ${clause}`,
      flags: { production: true, iam: true, yamlOutsideResources: true, skipApply: false, uncataloguedVersion: false },
    };
    expect(parseStoredReview(old)).toEqual({
      version: 2,
      approvers: [],
      autoApproved: null,
      summary: expect.stringMatching(/^Recorded before Berth forecast reviews/),
      failing: [],
      reasons: ["00-namespace.yaml is outside resources/", 'resources/x.tf has a resource "aws_iam_policy" block'],
      flags: {
        production: true,
        iam: true,
        yamlOutsideResources: true,
        skipApply: false,
        uncataloguedVersion: false,
        publicBucket: false,
        majorBump: false,
        clusterStateUnknown: false,
      },
    });
  });

  it("returns a stored forecast as it is, and null for nothing or garbage", () => {
    const forecast = {
      version: 2,
      approvers: ["@o/t"],
      autoApproved: null,
      summary: "s",
      failing: [],
      reasons: [],
      flags: {
        production: false,
        iam: false,
        yamlOutsideResources: false,
        skipApply: false,
        uncataloguedVersion: false,
        publicBucket: false,
        majorBump: false,
        clusterStateUnknown: false,
      },
    };
    expect(parseStoredReview(forecast)).toEqual(forecast);
    expect(parseStoredReview(null)).toBeNull();
    expect(parseStoredReview({ something: "else" })).toBeNull();
  });
});
