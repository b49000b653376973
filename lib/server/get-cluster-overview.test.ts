import { describe, expect, it } from "vitest";
import { deploymentRecord, fakeClusterWatcher } from "@/lib/clusters/testing/fake-cluster-watcher";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { getClusterOverview } from "./get-cluster-overview";
import { clustersOf, fakeInventory, fakeServices, inventorySnapshot, roles } from "./testing/fake-services";

function setup() {
  const live = fakeClusterWatcher("live", { namespaces: ["a-dev", "orphan"] });
  live.cache.apply("deployments", "ADDED", deploymentRecord("a-dev", "api", { ready: 0 }));
  live.cache.apply("deployments", "ADDED", deploymentRecord("a-dev", "web"));
  live.cache.apply("deployments", "ADDED", deploymentRecord("orphan", "worker", { ready: 1, desired: 2 }));
  const inventory = fakeInventory(inventorySnapshot([namespaceRecord("a-dev"), namespaceRecord("b-dev"), namespaceRecord("c-dev", { cluster: "live-2" })]));
  return fakeServices({ inventory, clusters: clustersOf([live], [{ cluster: "live-2", reason: "no context live-2 in the kubeconfig" }]) });
}

describe("getClusterOverview", () => {
  it("counts the repository's namespaces by their state and lists unhealthy deployments", async () => {
    const overview = await getClusterOverview(setup(), roles.member, "live");
    expect(overview).toMatchObject({ defined: 2, byStatus: { live: 1, missing: 1, terminating: 0, unknown: 0 }, clusterOnly: 1 });
    expect(overview.health).toMatchObject({ cluster: "live", state: "synced" });
    expect(overview.unhealthy).toEqual([
      { namespace: "a-dev", deployment: "api", ready: 0, desired: expect.any(Number), rollout: expect.any(String), inRepository: true },
      { namespace: "orphan", deployment: "worker", ready: 1, desired: 2, rollout: expect.any(String), inRepository: false },
    ]);
  });

  it("says a cluster without credentials is not configured, and its namespaces unknown", async () => {
    const overview = await getClusterOverview(setup(), roles.member, "live-2");
    expect(overview).toMatchObject({ defined: 1, byStatus: { unknown: 1, live: 0 }, unhealthy: [], health: { state: "not_configured" } });
  });

  it("refuses anonymous viewers and answers not found for a cluster the profile lacks", async () => {
    await expect(getClusterOverview(setup(), null, "live")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getClusterOverview(setup(), roles.member, "nowhere")).rejects.toMatchObject({ code: "not_found" });
  });
});
