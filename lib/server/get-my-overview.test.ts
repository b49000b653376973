import { describe, expect, it } from "vitest";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { getMyOverview } from "./get-my-overview";
import { fakeInventory, fakeServices, inventorySnapshot, NOW, roles, viewer } from "./testing/fake-services";
import { fakeRequestDb, requestRow } from "./testing/fake-request-db";

const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

function deps() {
  const inventory = fakeInventory(
    inventorySnapshot([
      namespaceRecord("orders-prod", { teams: ["team-a"], reviewAfter: "2026-09-01" }),
      namespaceRecord("orders-dev", { cluster: "live-2", teams: ["team-b", "team-a"] }),
      namespaceRecord("orders-dev", { teams: ["team-a"] }),
      namespaceRecord("visits-dev", { teams: ["team-v"] }),
    ]),
  );
  const requests = fakeRequestDb([
    requestRow("team-open", { team: "team-a", requester: "bob", createdAt: hoursAgo(5) }),
    requestRow("mine-elsewhere", { team: "team-v", requester: "olly", state: "conflict", createdAt: hoursAgo(1) }),
    requestRow("team-applied", { team: "team-a", state: "applied", createdAt: hoursAgo(2) }),
    requestRow("team-closed", { team: "team-a", state: "closed", createdAt: hoursAgo(3) }),
    requestRow("others", { team: "team-v", requester: "vic", createdAt: hoursAgo(4) }),
  ]);
  return fakeServices({ inventory, db: requests.db });
}

describe("getMyOverview", () => {
  it("refuses anonymous viewers", async () => {
    await expect(getMyOverview(deps(), null)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("lists the namespaces the viewer's teams own, by name then cluster, with their live state", async () => {
    const { namespaces } = await getMyOverview(deps(), roles.owner);
    expect(namespaces.map((ns) => `${ns.cluster}/${ns.name}`)).toEqual(["live/orders-dev", "live-2/orders-dev", "live/orders-prod"]);
    expect(namespaces[2]).toEqual({
      cluster: "live",
      name: "orders-prod",
      application: "orders-prod app",
      reviewAfter: "2026-09-01",
      live: { status: "unknown", unhealthyDeployments: 0, reason: "not configured" },
    });
  });

  it("lists the open requests of the viewer and their teams, newest first, with only the summary columns", async () => {
    const { requests } = await getMyOverview(deps(), roles.owner);
    expect(requests.map((r) => r.id)).toEqual(["mine-elsewhere", "team-open"]);
    expect(requests[1]).toEqual({
      id: "team-open",
      kind: "namespace",
      state: "pr_open",
      cluster: "live",
      namespace: "ns-team-open",
      team: "team-a",
      createdAt: hoursAgo(5),
    });
  });

  it("is the viewer's own page even for a reviewer: no other teams' namespaces or requests", async () => {
    expect(await getMyOverview(deps(), roles.reviewer)).toEqual({ namespaces: [], requests: [] });
    const { namespaces, requests } = await getMyOverview(deps(), viewer("vic", ["team-v"], true));
    expect(namespaces.map((ns) => ns.name)).toEqual(["visits-dev"]);
    expect(requests.map((r) => r.id)).toEqual(["mine-elsewhere", "others"]);
  });
});
