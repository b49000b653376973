import { describe, expect, it } from "vitest";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { getOverview } from "./get-overview";
import { fakeInventory, fakeServices, inventorySnapshot, roles } from "./testing/fake-services";

const namespaces = [
  namespaceRecord("orders-dev", { reviewAfter: "2026-06-01" }),
  namespaceRecord("orders-prod", { isProduction: true, environment: "production", businessUnit: "LAA" }),
  namespaceRecord("visits-dev", { cluster: "live-2", skipApply: true }),
];

describe("getOverview", () => {
  it("refuses anonymous viewers", async () => {
    await expect(getOverview(fakeServices(), null)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("counts the snapshot's namespaces and names its commit", async () => {
    const inventory = fakeInventory(inventorySnapshot(namespaces, "abc123"));
    const overview = await getOverview(fakeServices({ inventory }), roles.member);
    expect(overview).toMatchObject({ commit: "abc123", indexedAt: inventory.current.indexedAt, total: 3, production: 1, skipApply: 1, overdue: 0 });
    expect(overview.byCluster).toEqual([
      { label: "live", count: 2 },
      { label: "live-2", count: 1 },
    ]);
    expect(overview.byBusinessUnit).toEqual([
      { label: "HMPPS", count: 2 },
      { label: "LAA", count: 1 },
    ]);
  });

  it("is computed again for a new day on the same commit, and for a new commit", async () => {
    let today = new Date("2026-06-01T12:00:00Z");
    const inventory = fakeInventory(inventorySnapshot(namespaces));
    const deps = fakeServices({ inventory, clock: { now: () => today } });
    expect((await getOverview(deps, roles.member)).overdue).toBe(0);
    today = new Date("2026-06-02T00:00:00Z");
    expect((await getOverview(deps, roles.member)).overdue).toBe(1);
    inventory.current = inventorySnapshot(namespaces.slice(1), "def456");
    expect(await getOverview(deps, roles.member)).toMatchObject({ commit: "def456", total: 2, overdue: 0 });
  });
});
