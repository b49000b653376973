import { describe, expect, it } from "vitest";
import type { PullRequestStatus } from "@/lib/git/git-provider";
import { testLogger } from "@/lib/testing/test-logger";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { pollPullRequests } from "./poll-pull-requests";

function pr(number: number, facts: Partial<PullRequestStatus> = {}): PullRequestStatus {
  return { number, state: "open", merged: false, headSha: `sha-${number}`, reviews: [], checks: [], comments: [], ...facts };
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
      [1, pr(1, { reviews: [{ user: "rita", state: "APPROVED", submittedAt: "2026-06-01T00:00:00Z", body: "" }] })],
      [2, pr(2, { state: "closed", merged: true })],
      [3, pr(3)],
      [4, pr(4, { state: "closed" })],
    ]);
    const read: number[] = [];
    const moved = await pollPullRequests(requests.db, { getPullRequest: async (n) => (read.push(n), pulls.get(n)!) }, testLogger());

    expect(moved).toBe(2);
    expect(read.sort()).toEqual([1, 2, 3]);
    expect(requests.requests.get("approved")).toMatchObject({ state: "approved", headSha: "sha-1" });
    expect(requests.requests.get("merged")!.state).toBe("merged");
    expect(requests.requests.get("done")!.state).toBe("merged");
    expect(requests.events).toEqual([
      { requestId: "approved", fromState: "pr_open", toState: "approved", actor: "rita", note: "Seen by the poller" },
      { requestId: "merged", fromState: "approved", toState: "merged", actor: "github", note: "Seen by the poller" },
    ]);
  });

  it("skips a pull request that cannot be read until the next round, and goes on with the others", async () => {
    const requests = fakeRequestDb([requestRow("broken", { prNumber: 1 }), requestRow("fine", { prNumber: 2 })]);
    const log = testLogger();
    const moved = await pollPullRequests(
      requests.db,
      {
        getPullRequest: async (n) => {
          if (n === 1) throw new Error("GitHub answered 502");
          return pr(n, { state: "closed" });
        },
      },
      log,
    );
    expect(moved).toBe(1);
    expect(requests.requests.get("broken")!.state).toBe("pr_open");
    expect(requests.requests.get("fine")!.state).toBe("closed");
    expect(log.lines.filter((l) => l.level === "warn")).toMatchObject([{ msg: "polling a pull request failed", request: "broken" }]);
  });
});
