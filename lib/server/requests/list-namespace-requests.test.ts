import { describe, expect, it } from "vitest";
import { roles, viewer } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { listNamespaceRequests } from "./list-namespace-requests";

const day = (n: number) => new Date(Date.UTC(2026, 4, n));

describe("listNamespaceRequests", () => {
  const requests = fakeRequestDb([
    requestRow("open", { kind: "resources", namespace: "ns", updatedAt: day(1) }),
    requestRow("changes", { kind: "resources", namespace: "ns", state: "changes_requested", updatedAt: day(3) }),
    requestRow("merged", { kind: "resources", namespace: "ns", state: "merged" }),
    requestRow("closed", { kind: "resources", namespace: "ns", state: "closed" }),
    requestRow("other-cluster", { kind: "resources", namespace: "ns", cluster: "live-2" }),
    requestRow("other-team", { kind: "resources", namespace: "ns", team: "team-b", requester: "bob", updatedAt: day(2) }),
  ]);

  it("lists the namespace's requests under way, most recently updated first, that the viewer may see", async () => {
    expect((await listNamespaceRequests(requests.db, roles.owner, "live", "ns")).map((r) => r.id)).toEqual(["changes", "open"]);
    expect((await listNamespaceRequests(requests.db, roles.reviewer, "live", "ns")).map((r) => r.id)).toEqual(["changes", "other-team", "open"]);
    expect(await listNamespaceRequests(requests.db, viewer("nobody", []), "live", "ns")).toEqual([]);
  });
});
