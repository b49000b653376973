import { describe, expect, it, vi } from "vitest";
import { ReviewRefusedError } from "@/lib/git/github-review";
import { roles, viewer } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { reviewRequest } from "./review-request";

const reviewer = roles.reviewer;

describe("reviewRequest", () => {
  it("refuses anonymous viewers and non-reviewers before reading the request", async () => {
    const requests = fakeRequestDb([requestRow("r1")]);
    await expect(reviewRequest(requests.db, null, "r1", { action: "approve" }, null)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(reviewRequest(requests.db, roles.owner, "r1", { action: "approve" }, null)).rejects.toMatchObject({ code: "forbidden" });
    expect(requests.requests.get("r1")!.state).toBe("pr_open");
  });

  it("answers 422 naming the field for a bad review, writing nothing", async () => {
    const requests = fakeRequestDb([requestRow("r1")]);
    const post = vi.fn();
    const error = await reviewRequest(requests.db, reviewer, "r1", { action: "request_changes", comment: "  " }, post).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", fields: { comment: "say what needs to change" } });
    await expect(reviewRequest(requests.db, reviewer, "r1", { action: "merge" }, post)).rejects.toMatchObject({ code: "invalid_input" });
    expect(post).not.toHaveBeenCalled();
    expect(requests.events).toEqual([]);
  });

  it("refuses a reviewer's own request and a request no longer open", async () => {
    const requests = fakeRequestDb([requestRow("mine", { requester: reviewer.login }), requestRow("done", { state: "merged" })]);
    await expect(reviewRequest(requests.db, reviewer, "mine", { action: "approve" }, null)).rejects.toMatchObject({ code: "forbidden" });
    await expect(reviewRequest(requests.db, reviewer, "done", { action: "approve" }, null)).rejects.toMatchObject({ code: "conflict" });
    await expect(reviewRequest(requests.db, reviewer, "missing", { action: "approve" }, null)).rejects.toMatchObject({ code: "not_found" });
    expect(requests.events).toEqual([]);
  });

  it("with GitHub posts the review on the pull request as the reviewer, then records it", async () => {
    const requests = fakeRequestDb([requestRow("r1", { prNumber: 12 })]);
    const post = vi.fn(async () => undefined);
    await reviewRequest(requests.db, reviewer, "r1", { action: "approve", comment: "looks right" }, post);
    expect(post).toHaveBeenCalledWith(12, "APPROVE", "looks right");
    expect(requests.requests.get("r1")!.state).toBe("approved");
    expect(requests.events).toEqual([{ requestId: "r1", fromState: "pr_open", toState: "approved", actor: "rita", note: "Approved: looks right" }]);
  });

  it("turns GitHub's refusal into a conflict and records nothing; a request without a pull request cannot be reviewed on GitHub", async () => {
    const requests = fakeRequestDb([requestRow("r1", { prNumber: 12 }), requestRow("r2", { prNumber: null })]);
    const refuse = vi.fn(async () => {
      throw new ReviewRefusedError("Can not approve your own pull request");
    });
    await expect(reviewRequest(requests.db, reviewer, "r1", { action: "approve" }, refuse)).rejects.toMatchObject({
      code: "conflict",
      message: "GitHub refused the review: Can not approve your own pull request",
    });
    await expect(reviewRequest(requests.db, reviewer, "r2", { action: "approve" }, vi.fn())).rejects.toMatchObject({ code: "conflict" });
    expect(requests.events).toEqual([]);
  });

  it("with the local provider the review stays in Berth: changes requested, with the comment", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "approved" })]);
    await reviewRequest(requests.db, viewer("other-reviewer", ["webops"], true), "r1", { action: "request_changes", comment: "use the prod cluster" }, null);
    expect(requests.requests.get("r1")!.state).toBe("changes_requested");
    expect(requests.events).toMatchObject([{ actor: "other-reviewer", note: "Changes requested: use the prod cluster" }]);
  });
});
