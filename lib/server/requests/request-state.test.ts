import { describe, expect, it } from "vitest";
import { canTransition, reviewerBehind, stateOfPullRequest } from "./request-state";

const pr = (over: Partial<Parameters<typeof stateOfPullRequest>[0]> = {}) => ({ state: "open" as const, merged: false, reviews: [], ...over });
const review = (user: string, state: string, at: string) => ({ user, state, submittedAt: at, body: "" });

describe("request states", () => {
  it("follows the pull request", () => {
    expect(stateOfPullRequest(pr())).toBe("pr_open");
    expect(stateOfPullRequest(pr({ merged: true, state: "closed" }))).toBe("merged");
    expect(stateOfPullRequest(pr({ state: "closed" }))).toBe("closed");
    expect(stateOfPullRequest(pr({ reviews: [review("a", "APPROVED", "1")] }))).toBe("approved");
    expect(stateOfPullRequest(pr({ reviews: [review("a", "APPROVED", "1"), review("b", "CHANGES_REQUESTED", "2")] }))).toBe("changes_requested");
    expect(stateOfPullRequest(pr({ reviews: [review("b", "CHANGES_REQUESTED", "1"), review("b", "APPROVED", "2")] }))).toBe("approved");
    expect(stateOfPullRequest(pr({ reviews: [review("b", "APPROVED", "1"), review("b", "COMMENTED", "2")] }))).toBe("approved");
    expect(stateOfPullRequest(pr({ reviews: [review("b", "APPROVED", "1"), review("b", "DISMISSED", "2")] }))).toBe("pr_open");
  });

  it("refuses late or backward moves", () => {
    expect(canTransition("pr_open", "approved")).toBe(true);
    expect(canTransition("approved", "merged")).toBe(true);
    expect(canTransition("merged", "approved")).toBe(false);
    expect(canTransition("failed", "pr_open")).toBe(true);
    expect(canTransition("submitted", "merged")).toBe(false);
    expect(canTransition("merged", "applied")).toBe(true);
  });

  it("puts a branch that no longer merges in conflict, from which it can be withdrawn, resolved or merged, never stuck", () => {
    expect(stateOfPullRequest(pr({ mergeable: false, reviews: [review("a", "APPROVED", "1")] }))).toBe("conflict");
    expect(stateOfPullRequest(pr({ mergeable: false, state: "closed" }))).toBe("closed");
    expect(stateOfPullRequest(pr({ mergeable: null }))).toBe("pr_open");
    expect(canTransition("approved", "conflict")).toBe(true);
    for (const to of ["closed", "pr_open", "approved", "merged"] as const) expect(canTransition("conflict", to)).toBe(true);
    expect(canTransition("merged", "conflict")).toBe(false);
  });

  it("names the reviewer behind a verdict", () => {
    const reviews = [review("a", "APPROVED", "1"), review("b", "CHANGES_REQUESTED", "2"), review("c", "APPROVED", "3")];
    expect(reviewerBehind({ reviews }, "approved")).toBe("c");
    expect(reviewerBehind({ reviews }, "changes_requested")).toBe("b");
    expect(reviewerBehind({ reviews }, "merged")).toBeNull();
  });
});
