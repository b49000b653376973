import { describe, expect, it, vi } from "vitest";
import { BranchMovedError, type PullRequestUpdate, type PullRequestUpdater } from "@/lib/git/git-provider";
import { NOW, roles, viewer } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { reviseRequest, type PreparedRevision, type ReviseDeps } from "./revise-request";

const A = "a".repeat(40);
const B = "b".repeat(40);
const before = [
  { path: "namespaces/live/ns-r1/00-namespace.yaml", content: "old\n", previous: null },
  { path: "namespaces/live/ns-r1/resources/gone.tf", content: "gone\n", previous: null },
  { path: "namespaces/live/ns-r1/resources/main.tf", content: "edited\n", previous: "original\n" },
];
const after = [{ path: "namespaces/live/ns-r1/00-namespace.yaml", content: "new\n", previous: null }];
const good: PreparedRevision = { fields: {}, value: { name: "ns-r1", cluster: "live", team: "team-a" }, files: after, review: null };

function setup(overrides: Parameters<typeof requestRow>[1] = {}, prepared: PreparedRevision = good) {
  const requests = fakeRequestDb([requestRow("r1", { state: "changes_requested", pushedSha: A, headSha: A, files: before, ...overrides })]);
  const update = vi.fn<(u: PullRequestUpdate) => Promise<string>>(async () => B);
  const updater: PullRequestUpdater = { updatePullRequest: update };
  const deps: ReviseDeps = { db: requests.db, updater, prepare: async () => prepared, now: () => NOW };
  return { requests, update, deps };
}

describe("reviseRequest", () => {
  it("adds one commit to the branch, restores or removes what the revision drops, and reopens review", async () => {
    const { requests, update, deps } = setup();
    expect(await reviseRequest(roles.owner, "r1", { any: "answers" }, deps)).toEqual({ id: "r1", revision: 1 });
    expect(update).toHaveBeenCalledExactlyOnceWith({
      branch: "berth/r1",
      files: [
        { path: "namespaces/live/ns-r1/00-namespace.yaml", content: "new\n" },
        { path: "namespaces/live/ns-r1/resources/main.tf", content: "original\n" },
      ],
      removed: ["namespaces/live/ns-r1/resources/gone.tf"],
      message: "Revision 1 of request r1 by olly",
      expectedHead: A,
    });
    const row = requests.requests.get("r1")!;
    expect(row).toMatchObject({ state: "pr_open", headSha: B, pushedSha: B, revisedAt: NOW, files: after });
    expect(requests.events).toEqual([
      {
        requestId: "r1",
        fromState: "changes_requested",
        toState: "pr_open",
        actor: "olly",
        note: "Revision 1: 1 file(s) changed, 2 dropped",
        files: { before, after },
        sha: B,
      },
    ]);
  });

  it("numbers revisions, and lets the requester outside the team revise; an open or conflicting request stays reviewable", async () => {
    const { requests, deps } = setup({ state: "conflict" });
    requests.events.push({ requestId: "r1", fromState: "pr_open", toState: "pr_open", actor: "x", note: "Revision 1", sha: A });
    expect(await reviseRequest(viewer("alice", []), "r1", {}, deps)).toEqual({ id: "r1", revision: 2 });
    expect(requests.requests.get("r1")!.state).toBe("pr_open");
  });

  it("answers 422 naming the fields, writing nothing: bad answers, a new name or cluster, no change at all", async () => {
    for (const [prepared, field] of [
      [{ ...good, fields: { ownerEmail: "not an email" }, value: null }, "ownerEmail"],
      [{ ...good, value: { name: "other", cluster: "live" } }, "name"],
      [{ ...good, value: { name: "ns-r1", cluster: "live-2" } }, "cluster"],
      [{ ...good, files: before }, "files"],
    ] as const) {
      const { requests, update, deps } = setup({}, prepared as PreparedRevision);
      const error = await reviseRequest(roles.owner, "r1", {}, deps).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "invalid_input", fields: { [field]: expect.any(String) } });
      expect(update).not.toHaveBeenCalled();
      expect(requests.events).toEqual([]);
      expect(requests.requests.get("r1")!.state).toBe("changes_requested");
    }
  });

  it("answers 409 for a request that is not open, and for a branch changed outside Berth, before writing", async () => {
    for (const overrides of [{ state: "approved" }, { state: "merged" }, { state: "closed" }, { headSha: B }, { pushedSha: null }]) {
      const { update, deps, requests } = setup(overrides);
      await expect(reviseRequest(roles.owner, "r1", {}, deps)).rejects.toMatchObject({ code: "conflict" });
      expect(update).not.toHaveBeenCalled();
      expect(requests.events).toEqual([]);
    }
  });

  it("answers 409 when the provider finds the branch moved, and records nothing", async () => {
    const { update, deps, requests } = setup();
    update.mockRejectedValueOnce(new BranchMovedError("berth/r1", B, A));
    await expect(reviseRequest(roles.owner, "r1", {}, deps)).rejects.toMatchObject({ code: "conflict" });
    expect(requests.requests.get("r1")).toMatchObject({ state: "changes_requested", pushedSha: A });
    expect(requests.events).toEqual([]);
  });

  it("answers not_found to anyone else, reviewers included", async () => {
    for (const who of [null, roles.member, roles.reviewer]) {
      const { update, deps } = setup();
      await expect(reviseRequest(who, "r1", {}, deps)).rejects.toMatchObject({ code: "not_found" });
      expect(update).not.toHaveBeenCalled();
    }
  });
});
