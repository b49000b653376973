import { describe, expect, it } from "vitest";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import { roles, viewer } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { getRequest } from "./get-request";

const files = [{ path: "namespaces/live.cloud-platform.service.justice.gov.uk/ns-r1/00-namespace.yaml", content: "kind: Namespace\n" }];
const answers = namespaceRequestFixture({ name: "ns-r1", team: "team-a" });

function fake() {
  const requests = fakeRequestDb([requestRow("r1", { state: "pr_open", prNumber: 4, prUrl: "https://github.example/pr/4", files, answers })]);
  requests.events.push(
    { requestId: "r1", fromState: null, toState: "submitted", actor: "alice", note: null },
    { requestId: "r1", fromState: "submitted", toState: "pr_open", actor: "berth", note: "Pull request #4 opened" },
    { requestId: "r2", fromState: null, toState: "submitted", actor: "bob", note: null },
  );
  return requests;
}

describe("getRequest", () => {
  it("returns the request with its files, answers and its own timeline in order", async () => {
    const detail = await getRequest(fake().db, roles.owner, "r1");
    expect(detail).toMatchObject({ id: "r1", state: "pr_open", team: "team-a", requester: "alice", prNumber: 4, prUrl: "https://github.example/pr/4" });
    expect(detail.files).toEqual(files);
    expect(detail.answers).toEqual(answers);
    expect(detail.review).toBeNull();
    expect(detail.events.map((e) => [e.fromState, e.toState, e.actor, e.note])).toEqual([
      [null, "submitted", "alice", null],
      ["submitted", "pr_open", "berth", "Pull request #4 opened"],
    ]);
    expect(Object.keys(detail.events[0]!).sort()).toEqual(["actor", "createdAt", "fromState", "note", "revision", "toState"]);
  });

  it("shows the request to its requester, its team and reviewers", async () => {
    const requests = fake();
    for (const who of [viewer("alice", []), roles.owner, roles.reviewer]) expect((await getRequest(requests.db, who, "r1")).id).toBe("r1");
  });

  it("answers not_found, as for an unknown id, to someone who may not see it", async () => {
    const requests = fake();
    await expect(getRequest(requests.db, roles.member, "r1")).rejects.toMatchObject({ code: "not_found", message: "No such request" });
    await expect(getRequest(requests.db, roles.owner, "missing")).rejects.toMatchObject({ code: "not_found", message: "No such request" });
  });
});
