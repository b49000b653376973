import { describe, expect, it } from "vitest";
import { roles } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { markRequestApplied } from "./mark-request-applied";

describe("markRequestApplied", () => {
  it("moves a merged edit or resource request to applied, recording the reviewer", async () => {
    const requests = fakeRequestDb([requestRow("edit", { state: "merged", kind: "edit" }), requestRow("res", { state: "merged", kind: "resources" })]);
    await markRequestApplied(requests.db, roles.reviewer, "edit");
    await markRequestApplied(requests.db, roles.reviewer, "res");
    expect(requests.requests.get("edit")!.state).toBe("applied");
    expect(requests.requests.get("res")!.state).toBe("applied");
    expect(requests.events).toEqual([
      { requestId: "edit", fromState: "merged", toState: "applied", actor: "rita", note: "The apply pipeline has applied it" },
      { requestId: "res", fromState: "merged", toState: "applied", actor: "rita", note: "The apply pipeline has applied it" },
    ]);
  });

  it("refuses a non-reviewer, an unknown request, one not merged, and a namespace request (the cluster says when that is applied)", async () => {
    const requests = fakeRequestDb([
      requestRow("open", { kind: "edit" }),
      requestRow("merged", { state: "merged", kind: "edit" }),
      requestRow("ns", { state: "merged" }),
      requestRow("done", { state: "applied", kind: "edit" }),
    ]);
    await expect(markRequestApplied(requests.db, null, "merged")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(markRequestApplied(requests.db, roles.owner, "merged")).rejects.toMatchObject({ code: "forbidden" });
    await expect(markRequestApplied(requests.db, roles.reviewer, "missing")).rejects.toMatchObject({ code: "not_found" });
    await expect(markRequestApplied(requests.db, roles.reviewer, "open")).rejects.toMatchObject({ code: "conflict" });
    await expect(markRequestApplied(requests.db, roles.reviewer, "ns")).rejects.toMatchObject({ code: "conflict" });
    await expect(markRequestApplied(requests.db, roles.reviewer, "done")).rejects.toMatchObject({ code: "conflict" });
    expect(requests.events).toEqual([]);
    expect(requests.requests.get("merged")!.state).toBe("merged");
  });
});
