import { describe, expect, it } from "vitest";
import { stateOfPullRequest } from "./request-state";

const review = (user: string, state: string, submittedAt: string) => ({ user, state, submittedAt, body: "" });

describe("stateOfPullRequest after a revision", () => {
  const pr = { state: "open" as const, merged: false, mergeable: true, reviews: [review("rita", "CHANGES_REQUESTED", "2026-06-01T10:00:00Z")] };

  it("ignores reviews of an older revision: the request is reviewed again", () => {
    expect(stateOfPullRequest(pr)).toBe("changes_requested");
    expect(stateOfPullRequest(pr, new Date("2026-06-01T11:00:00Z"))).toBe("pr_open");
  });

  it("counts reviews of the current revision, and still sees a merge or close", () => {
    const later = { ...pr, reviews: [...pr.reviews, review("rita", "APPROVED", "2026-06-01T12:00:00Z")] };
    expect(stateOfPullRequest(later, new Date("2026-06-01T11:00:00Z"))).toBe("approved");
    expect(stateOfPullRequest({ ...pr, merged: true }, new Date("2026-06-01T11:00:00Z"))).toBe("merged");
    expect(stateOfPullRequest({ ...pr, state: "closed" }, new Date("2026-06-01T11:00:00Z"))).toBe("closed");
  });
});
