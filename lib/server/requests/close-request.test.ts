import { describe, expect, it, vi } from "vitest";
import { roles } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { closeRequest } from "./close-request";
import type { ClosePullRequest } from "./withdraw-request";

const closer = () => vi.fn<ClosePullRequest>(async () => undefined);

describe("closeRequest", () => {
  it("closes the request and its pull request with the reason, and records who closed it and why", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "changes_requested", prNumber: 7 })]);
    const close = closer();
    await closeRequest(requests.db, roles.reviewer, "r1", { reason: "  Not needed: use ns-shared  " }, close);
    expect(close).toHaveBeenCalledExactlyOnceWith(7, "Closed in Berth by rita: Not needed: use ns-shared");
    expect(requests.requests.get("r1")!.state).toBe("closed");
    expect(requests.events).toEqual([
      { requestId: "r1", fromState: "changes_requested", toState: "closed", actor: "rita", note: "Closed: Not needed: use ns-shared" },
    ]);
  });

  it("still records who closed it and why when the pull request's own closed news closed the request first", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "pr_open", prNumber: 7 })]);
    // GitHub's webhook for the closed pull request arrives while the close is still being answered.
    const close = vi.fn<ClosePullRequest>(async () => {
      requests.requests.get("r1")!.state = "closed";
    });
    await closeRequest(requests.db, roles.reviewer, "r1", { reason: "Duplicate" }, close);
    expect(requests.events).toEqual([{ requestId: "r1", fromState: "closed", toState: "closed", actor: "rita", note: "Closed: Duplicate" }]);
  });

  it("answers 422 naming the reason when it is missing, empty or too long, closing nothing", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "pr_open", prNumber: 7 })]);
    const close = closer();
    for (const input of [{}, { reason: "   " }, { reason: "x".repeat(2001) }, null, "text"])
      await expect(closeRequest(requests.db, roles.reviewer, "r1", input, close)).rejects.toMatchObject({
        code: "invalid_input",
        fields: { reason: expect.any(String) },
      });
    expect(close).not.toHaveBeenCalled();
    expect(requests.requests.get("r1")!.state).toBe("pr_open");
  });

  it("is for reviewers: the team gets 403 (they withdraw), its reviewer-requester too, others 404", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "pr_open" }), requestRow("own", { state: "pr_open", requester: "rita" })]);
    const close = closer();
    await expect(closeRequest(requests.db, roles.owner, "r1", { reason: "x" }, close)).rejects.toMatchObject({ code: "forbidden" });
    await expect(closeRequest(requests.db, roles.reviewer, "own", { reason: "x" }, close)).rejects.toMatchObject({ code: "forbidden" });
    await expect(closeRequest(requests.db, roles.member, "r1", { reason: "x" }, close)).rejects.toMatchObject({ code: "not_found" });
    await expect(closeRequest(requests.db, null, "r1", { reason: "x" }, close)).rejects.toMatchObject({ code: "not_found" });
    expect(close).not.toHaveBeenCalled();
  });

  it("answers 409 for a request that is merged, applied, closed or not yet open", async () => {
    const requests = fakeRequestDb(["merged", "applied", "closed", "submitted"].map((state) => requestRow(state, { state, prNumber: 9 })));
    const close = closer();
    for (const id of ["merged", "applied", "closed", "submitted"])
      await expect(closeRequest(requests.db, roles.reviewer, id, { reason: "x" }, close)).rejects.toMatchObject({ code: "conflict" });
    expect(close).not.toHaveBeenCalled();
  });
});
