import { describe, expect, it } from "vitest";
import { fakeClusterWatcher } from "@/lib/clusters/testing/fake-cluster-watcher";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { getDrift } from "./get-drift";
import { clustersOf, fakeInventory, fakeServices, inventorySnapshot, roles } from "./testing/fake-services";

const inventory = fakeInventory(
  inventorySnapshot([namespaceRecord("orders-dev"), namespaceRecord("orders-prod"), namespaceRecord("visits-dev", { cluster: "live-2" })]),
);

describe("getDrift", () => {
  it("refuses anonymous viewers", async () => {
    await expect(getDrift(fakeServices({ inventory }), null)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("compares the repository with each cluster whose data is known, system namespaces aside", async () => {
    const since = new Date("2026-05-31T23:00:00Z");
    const live = fakeClusterWatcher("live", {
      since,
      namespaces: ["orders-dev", "kube-system", "cert-manager", { name: "stray", phase: "Terminating", createdAt: "2026-01-01T00:00:00Z" }],
    });
    const connecting = fakeClusterWatcher("live-2", { state: "connecting", since });
    const drift = await getDrift(fakeServices({ inventory, clusters: clustersOf([live, connecting]) }), roles.member);
    expect(drift.missingFromCluster).toEqual([{ cluster: "live", namespace: "orders-prod" }]);
    expect(drift.notInRepository).toEqual([{ cluster: "live", namespace: "stray", phase: "Terminating", createdAt: "2026-01-01T00:00:00Z" }]);
    expect(drift.clusters.map((c) => [c.cluster, c.state])).toEqual([
      ["live", "synced"],
      ["live-2", "connecting"],
    ]);
  });

  it("still compares a cluster that became unreachable, with its last known data", async () => {
    const unreachable = fakeClusterWatcher("live-2", { state: "unreachable", lastSyncedAt: new Date("2026-05-31T00:00:00Z"), reason: "ECONNRESET" });
    const drift = await getDrift(
      fakeServices({ inventory, clusters: clustersOf([unreachable], [{ cluster: "live", reason: "no kubeconfig is configured" }]) }),
      roles.member,
    );
    expect(drift.missingFromCluster).toEqual([{ cluster: "live-2", namespace: "visits-dev" }]);
    expect(drift.clusters).toMatchObject([
      { cluster: "live", state: "not_configured", reason: "no kubeconfig is configured" },
      { cluster: "live-2", state: "unreachable", reason: "ECONNRESET" },
    ]);
  });
});
