import { describe, expect, it } from "vitest";
import { fakeServices, roles, viewer } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { snapshotColumns } from "./pr-snapshot";
import { requestStateFor } from "./request-state-for";

function deps() {
  const requests = fakeRequestDb([requestRow("r1", { state: "approved", namespace: "orders-dev", cluster: "live-2", team: "team-a", requester: "alice" })]);
  requests.events.push(
    { requestId: "r1", fromState: null, toState: "submitted", actor: "alice", note: null },
    { requestId: "r1", fromState: "submitted", toState: "pr_open", actor: "berth", note: "Pull request #4 opened" },
    { requestId: "other", fromState: null, toState: "submitted", actor: "bob", note: null },
  );
  return { requests, services: fakeServices({ db: requests.db }) };
}

describe("requestStateFor", () => {
  it("gives the state and the request's own number of timeline events, and nothing else of the row", async () => {
    const { services } = deps();
    expect(await requestStateFor(services, roles.owner, "r1")).toEqual({
      id: "r1",
      kind: "namespace",
      state: "approved",
      cluster: "live-2",
      namespace: "orders-dev",
      events: 2,
      pullRequest: null,
    });
  });

  it("gives the pull request's snapshot as a version that a comment changes and a mere re-read does not", async () => {
    const { requests, services } = deps();
    const pr = {
      number: 4,
      state: "open" as const,
      merged: false,
      headSha: "a".repeat(40),
      headRef: "berth/r1",
      headRepo: "acme/environments",
      updatedAt: "2026-05-30T10:00:00Z",
      mergeable: true,
      reviews: [],
      checks: [],
      comments: [],
    };
    const row = requests.requests.get("r1")!;
    Object.assign(row, { prNumber: 4, ...snapshotColumns(pr, new Date("2026-05-30T10:00:05Z"), "poll") });
    const first = (await requestStateFor(services, roles.owner, "r1")).pullRequest;
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    Object.assign(row, snapshotColumns(pr, new Date("2026-05-30T10:05:00Z"), "refresh"));
    expect((await requestStateFor(services, roles.owner, "r1")).pullRequest).toBe(first);
    const commented = { ...pr, updatedAt: "2026-05-30T10:06:00Z", comments: [{ user: "rita", body: "Which cluster?", createdAt: "2026-05-30T10:06:00Z" }] };
    Object.assign(row, snapshotColumns(commented, new Date("2026-05-30T10:06:01Z"), "webhook"));
    expect((await requestStateFor(services, roles.owner, "r1")).pullRequest).not.toBe(first);
  });

  it("shows the request to its requester, its team and reviewers", async () => {
    const { services } = deps();
    for (const who of [viewer("alice", []), roles.owner, roles.reviewer]) expect((await requestStateFor(services, who, "r1")).state).toBe("approved");
  });

  it("answers unauthenticated to an anonymous viewer, and not_found to others and for an unknown id", async () => {
    const { services } = deps();
    await expect(requestStateFor(services, null, "r1")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(requestStateFor(services, roles.member, "r1")).rejects.toMatchObject({ code: "not_found" });
    await expect(requestStateFor(services, roles.owner, "missing")).rejects.toMatchObject({ code: "not_found" });
  });
});
