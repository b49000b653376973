import { describe, expect, it, vi } from "vitest";
import { MergeRefusedError } from "@/lib/git/git-provider";
import { roles } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { mergeLocalRequest } from "./merge-local-request";

describe("mergeLocalRequest", () => {
  it("merges an approved request's branch and records the merge commit", async () => {
    const pushed = "f".repeat(40);
    const requests = fakeRequestDb([requestRow("r1", { state: "approved", branch: "berth/namespace-ns-r1-r1", pushedSha: pushed })]);
    const merger = { mergeBranch: vi.fn(async () => "0123456789abcdef0123") };
    await mergeLocalRequest(requests.db, roles.reviewer, "r1", merger);
    // Note: only the commit Berth wrote is merged, so commits pushed to the branch outside Berth are never merged unseen.
    expect(merger.mergeBranch).toHaveBeenCalledWith("berth/namespace-ns-r1-r1", "Merge berth/namespace-ns-r1-r1: namespace ns-r1 (request r1)", pushed);
    expect(requests.requests.get("r1")!.state).toBe("merged");
    expect(requests.events).toEqual([{ requestId: "r1", fromState: "approved", toState: "merged", actor: "rita", note: "Merged as 0123456789ab" }]);
  });

  it("merges nothing for a non-reviewer, an unknown request or one not approved", async () => {
    const requests = fakeRequestDb([
      requestRow("open"),
      requestRow("approved", { state: "approved" }),
      requestRow("rita's", { state: "approved", requester: "rita" }),
    ]);
    const merger = { mergeBranch: vi.fn(async () => "sha") };
    await expect(mergeLocalRequest(requests.db, null, "approved", merger)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(mergeLocalRequest(requests.db, roles.owner, "approved", merger)).rejects.toMatchObject({ code: "forbidden" });
    await expect(mergeLocalRequest(requests.db, roles.reviewer, "missing", merger)).rejects.toMatchObject({ code: "not_found" });
    await expect(mergeLocalRequest(requests.db, roles.reviewer, "open", merger)).rejects.toMatchObject({ code: "conflict" });
    await expect(mergeLocalRequest(requests.db, roles.reviewer, "rita's", merger)).rejects.toMatchObject({ code: "forbidden" });
    expect(merger.mergeBranch).not.toHaveBeenCalled();
    expect(requests.events).toEqual([]);
  });

  it("answers 409 to a merge that lost a race, and moves a branch that no longer merges cleanly to conflict", async () => {
    const requests = fakeRequestDb([requestRow("moved", { state: "approved" }), requestRow("clash", { state: "approved" })]);
    const refuse = (reason: MergeRefusedError["reason"]) => ({
      mergeBranch: vi.fn(async (): Promise<string> => {
        throw new MergeRefusedError(reason, `refused: ${reason}`);
      }),
    });
    await expect(mergeLocalRequest(requests.db, roles.reviewer, "moved", refuse("moved"))).rejects.toMatchObject({ code: "conflict" });
    expect(requests.requests.get("moved")!.state).toBe("approved");
    await expect(mergeLocalRequest(requests.db, roles.reviewer, "clash", refuse("conflict"))).rejects.toMatchObject({ code: "conflict" });
    expect(requests.requests.get("clash")!.state).toBe("conflict");
    expect(requests.events).toMatchObject([{ requestId: "clash", fromState: "approved", toState: "conflict", actor: "berth" }]);
  });

  it("re-applies an edit request whose branch conflicts before giving up, and answers 409 saying what happened", async () => {
    const requests = fakeRequestDb([
      requestRow("edit", { state: "approved", kind: "edit" }),
      requestRow("gone", { state: "approved", kind: "edit" }),
      requestRow("ns", { state: "approved" }),
    ]);
    const merger = {
      mergeBranch: vi.fn(async (): Promise<string> => {
        throw new MergeRefusedError("conflict", "no longer merges cleanly");
      }),
    };
    const reapply = vi.fn(async (id: string) =>
      id === "edit" ? { outcome: "reapplied" as const, sha: "s" } : { outcome: "conflict" as const, reason: "The edit no longer applies: withdraw it" },
    );
    await expect(mergeLocalRequest(requests.db, roles.reviewer, "edit", merger, reapply)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/re-applied the edit/),
    });
    await expect(mergeLocalRequest(requests.db, roles.reviewer, "gone", merger, reapply)).rejects.toMatchObject({
      code: "conflict",
      message: "Not merged. The edit no longer applies: withdraw it.",
    });
    // The use-case moved those itself; a request of another kind is not re-applied and goes to conflict.
    await expect(mergeLocalRequest(requests.db, roles.reviewer, "ns", merger, reapply)).rejects.toMatchObject({ code: "conflict" });
    expect(reapply.mock.calls.map(([id]) => id)).toEqual(["edit", "gone"]);
    expect(requests.requests.get("ns")!.state).toBe("conflict");
    expect(requests.events.map((e) => e.requestId)).toEqual(["ns"]);
  });
});
