import { describe, expect, it, vi } from "vitest";
import { roles } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { mergeLocalRequest } from "./merge-local-request";

describe("mergeLocalRequest", () => {
  it("merges an approved request's branch and records the merge commit", async () => {
    const requests = fakeRequestDb([requestRow("r1", { state: "approved", branch: "berth/namespace-ns-r1-r1" })]);
    const merger = { mergeBranch: vi.fn(async () => "0123456789abcdef0123") };
    await mergeLocalRequest(requests.db, roles.reviewer, "r1", merger);
    expect(merger.mergeBranch).toHaveBeenCalledWith("berth/namespace-ns-r1-r1", "Merge berth/namespace-ns-r1-r1: namespace ns-r1 (request r1)");
    expect(requests.requests.get("r1")!.state).toBe("merged");
    expect(requests.events).toEqual([{ requestId: "r1", fromState: "approved", toState: "merged", actor: "rita", note: "Merged as 0123456789ab" }]);
  });

  it("merges nothing for a non-reviewer, an unknown request or one not approved", async () => {
    const requests = fakeRequestDb([requestRow("open"), requestRow("approved", { state: "approved" })]);
    const merger = { mergeBranch: vi.fn(async () => "sha") };
    await expect(mergeLocalRequest(requests.db, null, "approved", merger)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(mergeLocalRequest(requests.db, roles.owner, "approved", merger)).rejects.toMatchObject({ code: "forbidden" });
    await expect(mergeLocalRequest(requests.db, roles.reviewer, "missing", merger)).rejects.toMatchObject({ code: "not_found" });
    await expect(mergeLocalRequest(requests.db, roles.reviewer, "open", merger)).rejects.toMatchObject({ code: "conflict" });
    expect(merger.mergeBranch).not.toHaveBeenCalled();
    expect(requests.events).toEqual([]);
  });
});
