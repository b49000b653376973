import { describe, expect, it } from "vitest";
import { fakeServices, roles, viewer } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
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
    });
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
