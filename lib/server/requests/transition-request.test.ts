import { describe, expect, it } from "vitest";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { transitionRequest } from "./transition-request";

describe("transitionRequest", () => {
  it("moves a request the state machine allows, with its facts and an audit entry naming who", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "submitted" })]);
    const seen = new Date("2026-06-01T10:00:00Z");
    const moved = await transitionRequest(requests.db, "r1", "pr_open", "alice", "Pull request #7 opened", { headSha: "abc", prUpdatedAt: seen });
    expect(moved).toBe(true);
    expect(requests.requests.get("r1")).toMatchObject({ state: "pr_open", headSha: "abc", prUpdatedAt: seen });
    expect(requests.events).toEqual([{ requestId: "r1", fromState: "submitted", toState: "pr_open", actor: "alice", note: "Pull request #7 opened" }]);
  });

  it("ignores late or repeated news: a move the state machine forbids changes nothing", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "merged" }), requestRow("r2", { state: "approved" })]);
    expect(await transitionRequest(requests.db, "r1", "changes_requested", "rita", "late review")).toBe(false);
    expect(await transitionRequest(requests.db, "r2", "approved", "rita", "again")).toBe(false);
    expect(requests.requests.get("r1")!.state).toBe("merged");
    expect(requests.events).toEqual([]);
  });

  it("records every failure, even a repeated one, with its reason", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "failed", failure: "first" })]);
    expect(await transitionRequest(requests.db, "r1", "failed", "berth", "GitHub answered 502", { failure: "GitHub answered 502" })).toBe(false);
    expect(requests.requests.get("r1")!.failure).toBe("GitHub answered 502");
    expect(requests.events).toMatchObject([{ fromState: "failed", toState: "failed", note: "GitHub answered 502" }]);
  });

  it("answers false for an unknown request or one in an unknown state", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "archived" })]);
    expect(await transitionRequest(requests.db, "missing", "pr_open", "alice", null)).toBe(false);
    expect(await transitionRequest(requests.db, "r1", "pr_open", "alice", null)).toBe(false);
    expect(requests.events).toEqual([]);
  });
});
