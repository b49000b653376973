import { describe, expect, it } from "vitest";
import { canBrowseInventory, canRequestNamespaceChange, canReview, canSeeNamespaceInFull, isNamespaceOwner, isReviewerTeamMember } from "./policy";
import type { Viewer } from "./viewer";

const viewer = (teams: string[], reviewer = false): Viewer => ({ sessionId: "s", login: "u", name: "U", kind: "github", teams, reviewer });
const namespace = { teams: ["orders-team", "payments"] };

const roles = {
  anonymous: null,
  member: viewer(["unrelated"]),
  owner: viewer(["payments"]),
  otherOwner: viewer(["someone-else"]),
  reviewer: viewer(["webops"], true),
};

describe("policy", () => {
  it.each([
    ["anonymous", false, false, false, false, false],
    ["member", true, false, false, false, false],
    ["owner", true, true, true, true, false],
    ["otherOwner", true, false, false, false, false],
    ["reviewer", true, false, true, false, true],
  ] as const)("%s: browse %s, owner %s, full view %s, request %s, review %s", (role, browse, owner, full, request, review) => {
    const v = roles[role];
    expect(canBrowseInventory(v)).toBe(browse);
    expect(isNamespaceOwner(v, namespace)).toBe(owner);
    expect(canSeeNamespaceInFull(v, namespace)).toBe(full);
    expect(canRequestNamespaceChange(v, namespace)).toBe(request);
    expect(canReview(v)).toBe(review);
  });

  it("makes reviewers of the configured teams only", () => {
    expect(isReviewerTeamMember(["a", "webops"], ["webops"])).toBe(true);
    expect(isReviewerTeamMember(["webops-lite"], ["webops"])).toBe(false);
    expect(isReviewerTeamMember([], ["webops"])).toBe(false);
  });
});
