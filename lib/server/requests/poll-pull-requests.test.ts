import { describe, expect, it } from "vitest";
import type { PullRequestStatus } from "@/lib/git/git-provider";
import { testLogger } from "@/lib/testing/test-logger";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { pollPullRequests } from "./poll-pull-requests";

const REPO = "ministryofjustice/cloud-platform-environments";
/** A batched reader over one pull request at a time: one that throws fails the whole batch, as one GraphQL query would. */
const reader = (getPullRequest: (n: number) => Promise<PullRequestStatus>) => ({
  readPullRequests: async (numbers: readonly number[]) => new Map(await Promise.all(numbers.map(async (n) => [n, await getPullRequest(n)] as const))),
});

/** An open pull request from request `id`'s branch (requestRow's default, berth/<id>) in the environments repository. */
function pr(number: number, id: string, facts: Partial<PullRequestStatus> = {}): PullRequestStatus {
  return {
    number,
    state: "open",
    merged: false,
    headSha: `sha-${number}`,
    headRef: `berth/${id}`,
    headRepo: REPO,
    updatedAt: "2026-06-01T10:00:00Z",
    mergeable: true,
    reviews: [],
    checks: [],
    comments: [],
    ...facts,
  };
}

describe("pollPullRequests", () => {
  it("moves each open request to the state its pull request implies, naming the reviewer, and counts the moves", async () => {
    const requests = fakeRequestDb([
      requestRow("approved", { prNumber: 1 }),
      requestRow("merged", { prNumber: 2, state: "approved" }),
      requestRow("unchanged", { prNumber: 3 }),
      requestRow("no-pr", { prNumber: null }),
      requestRow("done", { prNumber: 4, state: "merged" }),
    ]);
    const pulls = new Map([
      [1, pr(1, "approved", { reviews: [{ user: "rita", state: "APPROVED", submittedAt: "2026-06-01T00:00:00Z", body: "" }] })],
      [2, pr(2, "merged", { state: "closed", merged: true })],
      [3, pr(3, "unchanged")],
      [4, pr(4, "done", { state: "closed" })],
    ]);
    const read: number[] = [];
    const moved = await pollPullRequests(
      requests.db,
      reader(async (n) => (read.push(n), pulls.get(n)!)),
      testLogger(),
      REPO,
    );

    expect(moved).toBe(2);
    expect(read.sort()).toEqual([1, 2, 3]);
    expect(requests.requests.get("approved")).toMatchObject({ state: "approved", headSha: "sha-1", prUpdatedAt: new Date("2026-06-01T10:00:00Z") });
    expect(requests.requests.get("merged")!.state).toBe("merged");
    expect(requests.requests.get("done")!.state).toBe("merged");
    expect(requests.events).toEqual([
      { requestId: "approved", fromState: "pr_open", toState: "approved", actor: "rita", note: "Seen by the poller" },
      { requestId: "merged", fromState: "approved", toState: "merged", actor: "github", note: "Seen by the poller" },
    ]);
  });

  it("moves nothing when the batched read fails, until the next round", async () => {
    const requests = fakeRequestDb([requestRow("broken", { prNumber: 1 }), requestRow("fine", { prNumber: 2 })]);
    const log = testLogger();
    const moved = await pollPullRequests(
      requests.db,
      reader(async (n) => {
        if (n === 1) throw new Error("GitHub answered 502");
        return pr(n, "fine", { state: "closed" });
      }),
      log,
      REPO,
    );
    expect(moved).toBe(0);
    expect(requests.requests.get("broken")!.state).toBe("pr_open");
    expect(requests.requests.get("fine")!.state).toBe("pr_open");
    expect(log.lines.filter((l) => l.level === "warn")).toMatchObject([{ msg: "polling pull requests failed", requests: 2 }]);
  });

  it("stores each pull request as its request's snapshot, stamped with the poll's clock, and reports changes no webhook told of", async () => {
    const requests = fakeRequestDb([
      requestRow("heard", { prNumber: 1, prUpdatedAt: new Date("2026-06-01T10:00:00Z") }),
      requestRow("missed", { prNumber: 2, prUpdatedAt: new Date("2026-06-01T09:00:00Z") }),
    ]);
    const pulls = new Map([
      [1, pr(1, "heard", { comments: [{ user: "rita", body: "looks fine", createdAt: "2026-06-01T09:59:00Z" }] })],
      [2, pr(2, "missed", { checks: [{ name: "plan", status: "completed", conclusion: "success" }] })],
    ]);
    const missed: string[] = [];
    const now = new Date("2026-06-01T10:05:00Z");
    await pollPullRequests(
      requests.db,
      reader(async (n) => pulls.get(n)!),
      testLogger(),
      REPO,
      { now, onMissed: (id) => missed.push(id) },
    );
    expect(missed).toEqual(["missed"]);
    expect(requests.requests.get("heard")).toMatchObject({
      prFetchedAt: now,
      prSnapshot: { number: 1, fetchedAt: now.toISOString(), source: "poll", comments: [{ user: "rita", body: "looks fine" }] },
    });
    expect(requests.requests.get("missed")).toMatchObject({ prSnapshot: { checks: [{ name: "plan", conclusion: "success" }] } });
  });

  it("with snapshotOnly (a comment's delivery) stores the snapshot and moves nothing: a read made before Berth's own close does not reopen", async () => {
    const requests = fakeRequestDb([requestRow("withdrawn", { prNumber: 1, state: "closed" })]);
    const pulls = new Map([
      [1, pr(1, "withdrawn", { comments: [{ user: "berth-bot", body: "Withdrawn by its requester", createdAt: "2026-06-01T09:59:00Z" }] })],
    ]);
    const moved = await pollPullRequests(
      requests.db,
      reader(async (n) => pulls.get(n)!),
      testLogger(),
      REPO,
      { ids: ["withdrawn"], source: "webhook", snapshotOnly: true },
    );
    expect(moved).toBe(0);
    expect(requests.requests.get("withdrawn")).toMatchObject({
      state: "closed",
      prSnapshot: { source: "webhook", comments: [{ body: "Withdrawn by its requester" }] },
    });
    expect(requests.events).toEqual([]);
  });

  it("never applies a pull request whose head is not the request's binding, nor news older than it applied", async () => {
    const requests = fakeRequestDb([
      requestRow("fork", { prNumber: 1 }),
      requestRow("branch", { prNumber: 2, prHeadRepo: REPO }),
      requestRow("stale", { prNumber: 3, prUpdatedAt: new Date("2026-06-01T12:00:00Z") }),
      requestRow("conflicted", { prNumber: 4 }),
    ]);
    const pulls = new Map([
      [1, pr(1, "fork", { state: "closed", merged: true, headRepo: "attacker/cloud-platform-environments" })],
      [2, pr(2, "other", { state: "closed", merged: true })],
      [3, pr(3, "stale", { state: "closed" })],
      [4, pr(4, "conflicted", { mergeable: false })],
    ]);
    const log = testLogger();
    const moved = await pollPullRequests(
      requests.db,
      reader(async (n) => pulls.get(n)!),
      log,
      REPO,
    );
    expect(moved).toBe(1);
    expect(requests.requests.get("fork")!.state).toBe("pr_open");
    expect(requests.requests.get("branch")!.state).toBe("pr_open");
    expect(requests.requests.get("stale")!.state).toBe("pr_open");
    expect(requests.requests.get("conflicted")!.state).toBe("conflict");
    expect(log.lines.filter((l) => l.level === "warn")).toMatchObject([{ request: "fork" }, { request: "branch" }]);
  });
  it("tells of each edit request found in conflict (to re-apply it), not of other kinds, and a failing re-apply moves nothing else", async () => {
    const requests = fakeRequestDb([
      requestRow("edit", { prNumber: 1, kind: "edit" }),
      requestRow("still", { prNumber: 2, kind: "edit", state: "conflict" }),
      requestRow("ns", { prNumber: 3 }),
      requestRow("clean", { prNumber: 4, kind: "edit" }),
    ]);
    const pulls = new Map([
      [1, pr(1, "edit", { mergeable: false })],
      [2, pr(2, "still", { mergeable: false })],
      [3, pr(3, "ns", { mergeable: false })],
      [4, pr(4, "clean")],
    ]);
    const told: string[] = [];
    const onConflict = async (id: string) => {
      told.push(id);
      if (id === "still") throw new Error("boom");
    };
    const moved = await pollPullRequests(
      requests.db,
      reader(async (n) => pulls.get(n)!),
      testLogger(),
      REPO,
      { onConflict },
    );
    expect(moved).toBe(2);
    expect(told).toEqual(["edit", "still"]);
    expect(requests.requests.get("ns")!.state).toBe("conflict");
  });
});
