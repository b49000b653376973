import { describe, expect, it, vi } from "vitest";
import { ReviewRefusedError } from "@/lib/git/github-review";
import { roles, viewer } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { reviewRequest, type PostReview, type ReviewDeps } from "./review-request";

const reviewer = roles.reviewer;
const HEAD = "a".repeat(40);
/** The local provider: no posting, the head as recorded. */
const local: ReviewDeps = { post: null, currentHead: async (row) => row.headSha };
/** GitHub: posts with `post`, the head read live is `head`. */
const github = (post: PostReview, head: string | null = HEAD): ReviewDeps => ({ post, currentHead: async () => head });

describe("reviewRequest", () => {
  it("refuses anonymous viewers and non-reviewers before reading the request", async () => {
    const requests = fakeRequestDb([requestRow("r1")]);
    await expect(reviewRequest(requests.db, null, "r1", { action: "approve" }, local)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(reviewRequest(requests.db, roles.owner, "r1", { action: "approve" }, local)).rejects.toMatchObject({ code: "forbidden" });
    expect(requests.requests.get("r1")!.state).toBe("pr_open");
  });

  it("answers 422 naming the field for a bad review, writing nothing", async () => {
    const requests = fakeRequestDb([requestRow("r1")]);
    const post = vi.fn<PostReview>();
    const error = await reviewRequest(requests.db, reviewer, "r1", { action: "request_changes", comment: "  " }, github(post)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", fields: { comment: "say what needs to change" } });
    await expect(reviewRequest(requests.db, reviewer, "r1", { action: "merge" }, github(post))).rejects.toMatchObject({ code: "invalid_input" });
    await expect(reviewRequest(requests.db, reviewer, "r1", { action: "approve" }, github(post))).rejects.toMatchObject({
      code: "invalid_input",
      fields: { headSha: "say which head commit you reviewed" },
    });
    expect(post).not.toHaveBeenCalled();
    expect(requests.events).toEqual([]);
  });

  it("refuses a reviewer's own request and a request no longer open", async () => {
    const requests = fakeRequestDb([requestRow("mine", { requester: reviewer.login }), requestRow("done", { state: "merged" })]);
    await expect(reviewRequest(requests.db, reviewer, "mine", { action: "approve" }, local)).rejects.toMatchObject({ code: "forbidden" });
    await expect(reviewRequest(requests.db, reviewer, "done", { action: "approve" }, local)).rejects.toMatchObject({ code: "conflict" });
    await expect(reviewRequest(requests.db, reviewer, "missing", { action: "approve" }, local)).rejects.toMatchObject({ code: "not_found" });
    expect(requests.events).toEqual([]);
  });

  it("with GitHub posts the review on the pull request as the reviewer, then records it", async () => {
    const requests = fakeRequestDb([requestRow("r1", { prNumber: 12, headSha: HEAD })]);
    const post = vi.fn<PostReview>(async () => undefined);
    await reviewRequest(requests.db, reviewer, "r1", { action: "approve", comment: "looks right", headSha: HEAD }, github(post));
    expect(post).toHaveBeenCalledWith(12, "APPROVE", "looks right", HEAD);
    expect(requests.requests.get("r1")!.state).toBe("approved");
    expect(requests.events).toEqual([{ requestId: "r1", fromState: "pr_open", toState: "approved", actor: "rita", note: "Approved: looks right" }]);
  });

  it("turns GitHub's refusal into a conflict and records nothing; a request without a pull request cannot be reviewed on GitHub", async () => {
    const requests = fakeRequestDb([requestRow("r1", { prNumber: 12 }), requestRow("r2", { prNumber: null })]);
    const refuse = vi.fn<PostReview>(async () => {
      throw new ReviewRefusedError("Can not approve your own pull request");
    });
    await expect(reviewRequest(requests.db, reviewer, "r1", { action: "approve", headSha: HEAD }, github(refuse))).rejects.toMatchObject({
      code: "conflict",
      message: "GitHub refused the review: Can not approve your own pull request",
    });
    await expect(reviewRequest(requests.db, reviewer, "r2", { action: "approve" }, github(vi.fn<PostReview>(), null))).rejects.toMatchObject({
      code: "conflict",
      message: "The request has no pull request yet",
    });
    expect(requests.events).toEqual([]);
  });

  it("with the local provider the review stays in Berth: changes requested, with the comment", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "approved" })]);
    await reviewRequest(requests.db, viewer("other-reviewer", ["webops"], true), "r1", { action: "request_changes", comment: "use the prod cluster" }, local);
    expect(requests.requests.get("r1")!.state).toBe("changes_requested");
    expect(requests.events).toMatchObject([{ actor: "other-reviewer", note: "Changes requested: use the prod cluster" }]);
  });

  it("refuses an approval of a head commit the branch has since moved from, recording the new head and posting nothing", async () => {
    const moved = "b".repeat(40);
    const requests = fakeRequestDb([requestRow("r1", { prNumber: 12, headSha: HEAD })]);
    const post = vi.fn<PostReview>(async () => undefined);
    await expect(reviewRequest(requests.db, reviewer, "r1", { action: "approve", headSha: HEAD }, github(post, moved))).rejects.toMatchObject({
      code: "conflict",
    });
    expect(post).not.toHaveBeenCalled();
    expect(requests.requests.get("r1")).toMatchObject({ state: "pr_open", headSha: moved });
    expect(requests.events).toEqual([]);
  });
});
