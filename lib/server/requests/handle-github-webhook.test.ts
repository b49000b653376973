import { randomUUID } from "node:crypto";
import { Webhooks } from "@octokit/webhooks";
import { describe, expect, it, vi } from "vitest";
import { testLogger } from "@/lib/testing/test-logger";
import { fakeRequestDb, requestRow, type RequestRow } from "../testing/fake-request-db";
import { handleGitHubWebhook, type WebhookDelivery } from "./handle-github-webhook";

const SECRET = "webhook-secret-for-tests";
const REPO = "ministryofjustice/cloud-platform-environments";
const repo = (full_name = REPO) => ({ full_name });

async function delivery(event: string, payload: object, secret = SECRET): Promise<WebhookDelivery & { delivery: string }> {
  const rawBody = JSON.stringify(payload);
  return { rawBody, event, delivery: randomUUID(), signature: await new Webhooks({ secret }).sign(rawBody) };
}

function setup(rows: RequestRow[] = [requestRow("r1", { prNumber: 7, prHeadRepo: REPO, branch: "berth/namespace-ns-r1-r1" })]) {
  const requests = fakeRequestDb(rows);
  const onPush = vi.fn(async () => undefined);
  const onComment = vi.fn(async (id: string) => void id);
  const log = testLogger();
  const handle = (d: WebhookDelivery) => handleGitHubWebhook(requests.db, d, { secret: SECRET, repo: REPO, baseBranch: "main", onPush, onComment, log });
  return { requests, onPush, onComment, log, handle };
}

const review = (state: string, login = "rita", pr: { sha?: string; updated_at?: string } = {}) => ({
  action: "submitted",
  pull_request: {
    number: 7,
    html_url: "https://github.example/pr/7",
    updated_at: pr.updated_at ?? "2026-06-01T10:00:00Z",
    head: { ref: "berth/namespace-ns-r1-r1", sha: pr.sha ?? "a".repeat(40), repo: repo() },
    base: { ref: "main", repo: repo() },
  },
  review: { state, user: { login } },
  sender: { login },
});

// As GitHub sends issue_comment: the issue (a pull request's has `pull_request`), the comment, the repository.
const comment = (action: string, number = 7, options: { pullRequest?: boolean; repository?: string } = {}) => ({
  action,
  issue: {
    number,
    title: "Namespace ns-r1",
    state: "open",
    ...(options.pullRequest === false
      ? {}
      : { pull_request: { url: `https://api.github.example/repos/${REPO}/pulls/${number}`, html_url: "https://github.example/pr/7" } }),
  },
  comment: { id: 1, body: "Could you add a review-after date?", user: { login: "rita" } },
  repository: repo(options.repository),
  sender: { login: "rita" },
});

describe("handleGitHubWebhook", () => {
  it("reads a request's pull request again when a comment on it is created, edited or deleted; other comments change nothing", async () => {
    const { requests, onComment, handle } = setup();
    for (const action of ["created", "edited", "deleted"])
      expect(await handle(await delivery("issue_comment", comment(action)))).toEqual({ handled: "issue_comment" });
    expect(onComment.mock.calls).toEqual([["r1"], ["r1"], ["r1"]]);
    // An issue's comment, another repository's pull request, a pull request Berth does not track.
    for (const other of [comment("created", 7, { pullRequest: false }), comment("created", 7, { repository: "someone/fork" }), comment("created", 8)])
      expect(await handle(await delivery("issue_comment", other))).toEqual({ handled: "ignored" });
    expect(onComment).toHaveBeenCalledTimes(3);
    expect(requests.requests.get("r1")!.state).toBe("pr_open");
  });

  it("refuses a forged or unsigned delivery before touching the database", async () => {
    const { requests, log, handle } = setup();
    const forged = await delivery("pull_request_review", review("approved"), "not-the-secret");
    await expect(handle(forged)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(handle({ ...forged, signature: null })).rejects.toMatchObject({ code: "unauthenticated" });
    expect(requests.deliveries.size).toBe(0);
    expect(requests.requests.get("r1")!.state).toBe("pr_open");
    expect(log.lines).toMatchObject([{ level: "warn", msg: "webhook refused: bad or missing signature" }, { level: "warn" }]);
  });

  it("applies a review to its request as the reviewer, and refuses the same delivery again as a replay", async () => {
    const { requests, handle } = setup();
    const approved = await delivery("pull_request_review", review("approved"));
    expect(await handle(approved)).toEqual({ handled: "pull_request_review -> approved" });
    // Note: the URL is part of the binding, written when Berth opened the pull request; no event changes it.
    expect(requests.requests.get("r1")).toMatchObject({
      state: "approved",
      prUrl: null,
      headSha: "a".repeat(40),
      prUpdatedAt: new Date("2026-06-01T10:00:00Z"),
    });
    expect(requests.events).toMatchObject([{ fromState: "pr_open", toState: "approved", actor: "rita", note: "Review: approved by rita" }]);

    await expect(handle(approved)).rejects.toMatchObject({ code: "conflict" });
    // The same captured payload under a fresh delivery id is a replay too.
    await expect(handle({ ...approved, delivery: randomUUID() })).rejects.toMatchObject({ code: "conflict" });
    expect(requests.events).toHaveLength(1);
  });

  it("never moves a request backwards on news older than what it already applied", async () => {
    const { requests, handle } = setup();
    await handle(await delivery("pull_request_review", review("approved")));
    const late = review("changes_requested", "other", { updated_at: "2026-06-01T09:00:00Z", sha: "b".repeat(40) });
    expect(await handle(await delivery("pull_request_review", late))).toEqual({ handled: "stale" });
    expect(requests.requests.get("r1")).toMatchObject({ state: "approved", headSha: "a".repeat(40) });
    expect(requests.events).toHaveLength(1);
  });

  it("binds a request stored before head repositories were recorded to the environments repository", async () => {
    const { requests, handle } = setup([requestRow("old", { prNumber: 7, prHeadRepo: null, branch: "berth/namespace-ns-r1-r1" })]);
    expect(await handle(await delivery("pull_request_review", review("approved")))).toEqual({ handled: "pull_request_review -> approved" });
    expect(requests.requests.get("old")).toMatchObject({ state: "approved", prHeadRepo: REPO });
  });

  it("follows a merge of the pull request a request is bound to, and nothing that only looks like it", async () => {
    const { requests, handle } = setup([
      requestRow("r2", { prNumber: 9, prHeadRepo: REPO, branch: "berth/namespace-x-r2", state: "approved" }),
      requestRow("unbound", { prNumber: null, branch: "berth/namespace-y-r3", state: "approved" }),
    ]);
    const closed = (number: number, ref: string, head = repo()) => ({
      action: "closed",
      pull_request: { number, merged: true, html_url: `https://github.example/pr/${number}`, head: { ref, repo: head }, base: { ref: "main", repo: repo() } },
      sender: { login: "merger" },
    });
    // Note: a fork's pull request with the bound number and branch, or a pull request the request was never bound to, matches nothing.
    expect(await handle(await delivery("pull_request", closed(9, "berth/namespace-x-r2", repo("attacker/cloud-platform-environments"))))).toEqual({
      handled: "ignored",
    });
    expect(await handle(await delivery("pull_request", closed(11, "berth/namespace-y-r3")))).toEqual({ handled: "ignored" });
    expect(requests.requests.get("r2")!.state).toBe("approved");
    expect(requests.requests.get("unbound")).toMatchObject({ state: "approved", prNumber: null });

    expect(await handle(await delivery("pull_request", closed(9, "berth/namespace-x-r2")))).toEqual({ handled: "pull_request -> merged" });
    expect(requests.requests.get("r2")).toMatchObject({ state: "merged", prNumber: 9 });
  });

  it("acknowledges deliveries about other pull requests without changing anything", async () => {
    const { requests, handle } = setup();
    const other = await delivery("pull_request", { action: "closed", pull_request: { number: 99, merged: false, head: { ref: "feature", repo: repo() } } });
    expect(await handle(other)).toEqual({ handled: "ignored" });
    expect(requests.requests.get("r1")!.state).toBe("pr_open");
  });

  it("re-reads the repository on a push to the base branch only", async () => {
    const { onPush, handle } = setup();
    expect(await handle(await delivery("push", { ref: "refs/heads/feature" }))).toEqual({ handled: "push" });
    expect(onPush).not.toHaveBeenCalled();
    await handle(await delivery("push", { ref: "refs/heads/main" }));
    expect(onPush).toHaveBeenCalledTimes(1);
  });

  it("gives the delivery back when applying it fails, so GitHub's redelivery is not refused as a replay", async () => {
    const { requests, onPush, handle } = setup();
    onPush.mockRejectedValueOnce(new Error("git fetch failed"));
    const push = await delivery("push", { ref: "refs/heads/main" });
    await expect(handle(push)).rejects.toThrow("git fetch failed");
    expect(requests.deliveries.has(push.delivery)).toBe(false);
    expect(await handle(push)).toEqual({ handled: "push" });
  });
});
