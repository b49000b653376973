import { randomUUID } from "node:crypto";
import { Webhooks } from "@octokit/webhooks";
import { describe, expect, it, vi } from "vitest";
import { testLogger } from "@/lib/testing/test-logger";
import { fakeRequestDb, requestRow, type RequestRow } from "../testing/fake-request-db";
import { handleGitHubWebhook, type WebhookDelivery } from "./handle-github-webhook";

const SECRET = "webhook-secret-for-tests";

async function delivery(event: string, payload: object, secret = SECRET): Promise<WebhookDelivery & { delivery: string }> {
  const rawBody = JSON.stringify(payload);
  return { rawBody, event, delivery: randomUUID(), signature: await new Webhooks({ secret }).sign(rawBody) };
}

function setup(rows: RequestRow[] = [requestRow("r1", { prNumber: 7, branch: "berth/namespace-ns-r1-r1" })]) {
  const requests = fakeRequestDb(rows);
  const onPush = vi.fn(async () => undefined);
  const log = testLogger();
  const handle = (d: WebhookDelivery) => handleGitHubWebhook(requests.db, d, { secret: SECRET, baseBranch: "main", onPush, log });
  return { requests, onPush, log, handle };
}

const review = (state: string, login = "rita") => ({
  action: "submitted",
  pull_request: { number: 7, html_url: "https://github.example/pr/7", head: { ref: "berth/namespace-ns-r1-r1" } },
  review: { state, user: { login } },
  sender: { login },
});

describe("handleGitHubWebhook", () => {
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
    expect(requests.requests.get("r1")).toMatchObject({ state: "approved", prUrl: "https://github.example/pr/7" });
    expect(requests.events).toMatchObject([{ fromState: "pr_open", toState: "approved", actor: "rita", note: "Review: approved by rita" }]);

    await expect(handle(approved)).rejects.toMatchObject({ code: "conflict" });
    expect(requests.events).toHaveLength(1);
  });

  it("finds a request by its branch when the pull request number is not stored yet, and follows a merge", async () => {
    const { requests, handle } = setup([requestRow("r2", { prNumber: null, branch: "berth/namespace-x-r2", state: "approved" })]);
    const merged = await delivery("pull_request", {
      action: "closed",
      pull_request: { number: 9, merged: true, html_url: "https://github.example/pr/9", head: { ref: "berth/namespace-x-r2" } },
      sender: { login: "merger" },
    });
    expect(await handle(merged)).toEqual({ handled: "pull_request -> merged" });
    expect(requests.requests.get("r2")).toMatchObject({ state: "merged", prNumber: 9 });
  });

  it("acknowledges deliveries about other pull requests without changing anything", async () => {
    const { requests, handle } = setup();
    const other = await delivery("pull_request", { action: "closed", pull_request: { number: 99, merged: false, head: { ref: "feature" } } });
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
