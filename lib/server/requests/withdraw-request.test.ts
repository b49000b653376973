import { describe, expect, it, vi } from "vitest";
import { roles, viewer } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { withdrawRequest, type ClosePullRequest } from "./withdraw-request";

const closer = () => vi.fn<ClosePullRequest>(async () => undefined);

describe("withdrawRequest", () => {
  it("closes the request and its pull request, and records who withdrew it", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "pr_open", prNumber: 7 })]);
    const close = closer();
    await withdrawRequest(requests.db, roles.owner, "r1", close);
    expect(close).toHaveBeenCalledExactlyOnceWith(7, "Withdrawn in Berth by olly.");
    expect(requests.requests.get("r1")!.state).toBe("closed");
    expect(requests.events).toEqual([{ requestId: "r1", fromState: "pr_open", toState: "closed", actor: "olly", note: "Withdrawn" }]);
  });

  it("lets the requester withdraw outside the team, and withdraws a conflict or a failure", async () => {
    const requests = fakeRequestDb([requestRow("c", { state: "conflict", prNumber: 3 }), requestRow("f", { state: "failed" })]);
    const close = closer();
    await withdrawRequest(requests.db, viewer("alice", []), "c", close);
    await withdrawRequest(requests.db, roles.owner, "f", close);
    expect([requests.requests.get("c")!.state, requests.requests.get("f")!.state]).toEqual(["closed", "closed"]);
    // A failed request never had a pull request: nothing to close on GitHub.
    expect(close.mock.calls).toEqual([[3, "Withdrawn in Berth by alice."]]);
  });

  it("closes the request without a pull request closer (the local provider)", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "approved", prNumber: 7 })]);
    await withdrawRequest(requests.db, roles.owner, "r1", null);
    expect(requests.requests.get("r1")!.state).toBe("closed");
  });

  it("answers not_found to anyone else, reviewers included, and to an unknown id, touching nothing", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "pr_open", prNumber: 7 })]);
    const close = closer();
    for (const who of [null, roles.member, roles.reviewer])
      await expect(withdrawRequest(requests.db, who, "r1", close)).rejects.toMatchObject({ code: "not_found" });
    await expect(withdrawRequest(requests.db, roles.owner, "missing", close)).rejects.toMatchObject({ code: "not_found" });
    expect(close).not.toHaveBeenCalled();
    expect(requests.requests.get("r1")!.state).toBe("pr_open");
    expect(requests.events).toEqual([]);
  });

  it("refuses a request that is merged, applied or already closed, before closing anything", async () => {
    const requests = fakeRequestDb(["merged", "applied", "closed", "submitted"].map((state) => requestRow(state, { state, prNumber: 9 })));
    const close = closer();
    await expect(withdrawRequest(requests.db, roles.owner, "merged", close)).rejects.toMatchObject({
      code: "conflict",
      message: "A request that is merged cannot be withdrawn",
    });
    for (const id of ["applied", "closed", "submitted"])
      await expect(withdrawRequest(requests.db, roles.owner, id, close)).rejects.toMatchObject({ code: "conflict" });
    expect(close).not.toHaveBeenCalled();
    expect([...requests.requests.values()].map((r) => r.state)).toEqual(["merged", "applied", "closed", "submitted"]);
    expect(requests.events).toEqual([]);
  });

  it("leaves the request open when GitHub fails to close the pull request", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "pr_open", prNumber: 7 })]);
    const close = vi.fn<ClosePullRequest>(async () => {
      throw new Error("GitHub answered 502");
    });
    await expect(withdrawRequest(requests.db, roles.owner, "r1", close)).rejects.toThrow("GitHub answered 502");
    expect(requests.requests.get("r1")!.state).toBe("pr_open");
    expect(requests.events).toEqual([]);
  });

  it("answers conflict when the pull request was merged meanwhile, and does not close the request", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "pr_open", prNumber: 7 })]);
    const close = vi.fn<ClosePullRequest>(async () => {
      requests.requests.get("r1")!.state = "merged";
    });
    await expect(withdrawRequest(requests.db, roles.owner, "r1", close)).rejects.toMatchObject({
      code: "conflict",
      message: "The request changed meanwhile; reload the page",
    });
    expect(requests.requests.get("r1")!.state).toBe("merged");
    expect(requests.events).toEqual([]);
  });
});
