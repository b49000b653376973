import { describe, expect, it } from "vitest";
import { draftForRequest } from "./draft-for-request";

const settings = { labels: ["berth"], reviewerTeams: ["webops"], publicUrl: "https://berth.example" };

describe("the pull request of an edit request", () => {
  it("is rebuilt from the stored row: the operation's title, each file changed or deleted, the reviewers' flags and the next step", () => {
    const draft = draftForRequest(
      {
        id: "abc123",
        kind: "edit",
        requester: "olly",
        cluster: "live",
        namespace: "orders-dev",
        answers: {
          operation: "remove",
          answers: { names: ["db"] },
          baseCommit: "0123456789abcdef0123",
          followUp: { operation: "remove", answers: { names: ["db"] }, reason: "remove db once its deletion protection is off" },
          flags: ["Decommission confirmed *while* workloads run"],
        },
        files: [
          { path: "namespaces/d/orders-dev/resources/db.tf", content: "x", previous: "y" },
          { path: "namespaces/d/orders-dev/resources/q.tf", content: null, previous: "z" },
        ],
      },
      settings,
    );
    expect(draft.branch).toBe("berth/edit-remove-orders-dev-abc123");
    expect(draft.title).toBe("Remove resources from orders-dev");
    expect(draft.files).toEqual([
      { path: "namespaces/d/orders-dev/resources/db.tf", content: "x" },
      { path: "namespaces/d/orders-dev/resources/q.tf", content: null },
    ]);
    expect(draft.body).toContain("https://berth.example/requests/abc123");
    expect(draft.body).toContain("built on commit `0123456789ab`");
    expect(draft.body).toContain("- delete `namespaces/d/orders-dev/resources/q.tf`");
    expect(draft.body).toContain("Decommission confirmed \\*while\\* workloads run");
    expect(draft.body).toContain("Berth proposes the next step: remove db once its deletion protection is off");
  });

  it("refuses a stored row whose answers are not an edit's, naming the request and the column", () => {
    expect(() =>
      draftForRequest({ id: "bad1", kind: "edit", requester: "o", cluster: "live", namespace: "n", answers: { operation: "rename" }, files: [] }, settings),
    ).toThrow(/Request bad1 has an unreadable answers column/);
  });
});
