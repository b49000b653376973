import { describe, expect, it } from "vitest";
import { deploymentRecord, fakeClusterWatcher } from "@/lib/clusters/testing/fake-cluster-watcher";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { getNamespaceLive } from "./get-namespace-live";
import { clustersOf, fakeInventory, fakeServices, inventorySnapshot, NOW, roles } from "./testing/fake-services";

const since = new Date("2026-05-31T00:00:00Z");
const live = fakeClusterWatcher("live", { since, namespaces: ["orders-dev", "stray"] });
live.cache.apply("deployments", "ADDED", deploymentRecord("orders-dev", "api", { ready: 0 }));
live.cache.apply("secrets", "ADDED", { namespace: "orders-dev", name: "db", type: "Opaque", keys: ["url"], owner: null, createdAt: null });
live.cache.apply("events", "ADDED", {
  namespace: "orders-dev",
  name: "e1",
  type: "Warning",
  reason: "BackOff",
  message: "restarting",
  object: "Pod/api-1",
  count: 3,
  lastSeen: null,
});
const connecting = fakeClusterWatcher("live-2", { state: "connecting", since, namespaces: ["visits-dev"] });
const deps = fakeServices({
  inventory: fakeInventory(
    inventorySnapshot([
      namespaceRecord("orders-dev", { secrets: [{ label: "db", name: "db", keys: ["url", "password"], modules: ["db"], file: "resources/rds.tf" }] }),
      namespaceRecord("visits-dev", { cluster: "live-2" }),
      namespaceRecord("odd", { cluster: "elsewhere.example" }),
    ]),
  ),
  clusters: clustersOf([live, connecting]),
});

describe("getNamespaceLive", () => {
  it("refuses anonymous viewers and answers not_found for a namespace neither the repository nor the cluster has", async () => {
    await expect(getNamespaceLive(deps, null, "live", "orders-dev")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getNamespaceLive(deps, roles.member, "live", "nowhere")).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows any member the workloads from the cache, without secrets or events", async () => {
    const view = await getNamespaceLive(deps, roles.member, "live", "orders-dev");
    expect(view).toMatchObject({
      fullView: false,
      inRepository: true,
      at: NOW.toISOString(),
      cluster: { cluster: "live", state: "synced", since: since.toISOString() },
    });
    expect(view.live).toMatchObject({ phase: "Active", secrets: null, events: null });
    expect(view.live?.deployments).toMatchObject([{ name: "api", healthy: false }]);
    expect(view.wiring).toBeNull();
  });

  it.each(["owner", "reviewer"] as const)("shows an %s the secrets' keys and the events", async (role) => {
    const view = await getNamespaceLive(deps, roles[role], "live", "orders-dev");
    expect(view.fullView).toBe(true);
    expect(view.live?.secrets).toEqual([expect.objectContaining({ name: "db", keys: ["url"] })]);
    expect(view.live?.events).toEqual([expect.objectContaining({ reason: "BackOff" })]);
    expect(view.wiring?.resources).toEqual([expect.objectContaining({ secret: "db", cluster: { exists: true, missingKeys: ["password"], extraKeys: [] } })]);
    expect(view.wiring?.unusedSecrets.map((s) => s.name)).toEqual(["db"]);
  });

  it("shows a namespace no folder defines (drift) in full to reviewers only", async () => {
    expect(await getNamespaceLive(deps, roles.owner, "live", "stray")).toMatchObject({ inRepository: false, fullView: false, live: { secrets: null } });
    expect(await getNamespaceLive(deps, roles.reviewer, "live", "stray")).toMatchObject({ inRepository: false, fullView: true, live: { secrets: [] } });
  });

  it("has no live data while the cluster has never synced, or for a folder of no profile cluster", async () => {
    expect(await getNamespaceLive(deps, roles.owner, "live-2", "visits-dev")).toMatchObject({
      live: null,
      cluster: { state: "connecting", lastSyncedAt: null },
    });
    expect(await getNamespaceLive(deps, roles.owner, "elsewhere.example", "odd")).toMatchObject({
      live: null,
      cluster: { cluster: "elsewhere.example", state: "not_configured", reason: "not a cluster of the profile", since: NOW.toISOString() },
    });
  });
});
