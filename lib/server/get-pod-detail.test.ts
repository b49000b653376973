import { describe, expect, it } from "vitest";
import { fakeClusterWatcher } from "@/lib/clusters/testing/fake-cluster-watcher";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { getPodDetail } from "./get-pod-detail";
import { clustersOf, fakeInventory, fakeServices, inventorySnapshot, roles } from "./testing/fake-services";

const live = fakeClusterWatcher("live", { namespaces: ["orders-dev", "stray"] });
live.pods.set("orders-dev/api-1", {
  metadata: { name: "api-1", namespace: "orders-dev" },
  spec: { containers: [{ name: "api", image: "api:1" }] },
  status: { phase: "Running", containerStatuses: [{ name: "api", ready: true, restartCount: 2, state: { running: { startedAt: "2026-05-31T00:00:00Z" } } }] },
});
live.pods.set("orders-dev/flaky", new Error("connection refused"));
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
live.cache.apply("events", "ADDED", {
  namespace: "orders-dev",
  name: "e2",
  type: "Normal",
  reason: "Pulled",
  message: "",
  object: "Pod/other",
  count: 1,
  lastSeen: null,
});
const deps = fakeServices({
  inventory: fakeInventory(inventorySnapshot([namespaceRecord("orders-dev")])),
  clusters: clustersOf([live]),
});

describe("getPodDetail", () => {
  it("reads the pod live for an owner or reviewer, with that pod's events only", async () => {
    for (const viewer of [roles.owner, roles.reviewer]) {
      const view = await getPodDetail(deps, viewer, "live", "orders-dev", "api-1");
      expect(view).toMatchObject({ ok: true, pod: { name: "api-1", containers: [{ name: "api", restarts: 2, now: { state: "running" } }] } });
      expect(view.events.map((e) => e.name)).toEqual(["e1"]);
    }
  });

  it("refuses anonymous viewers and members outside the team; a namespace no folder defines is for reviewers", async () => {
    await expect(getPodDetail(deps, null, "live", "orders-dev", "api-1")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getPodDetail(deps, roles.member, "live", "orders-dev", "api-1")).rejects.toMatchObject({ code: "forbidden" });
    await expect(getPodDetail(deps, roles.owner, "live", "stray", "x")).rejects.toMatchObject({ code: "forbidden" });
    await expect(getPodDetail(deps, roles.reviewer, "live", "stray", "x")).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers not_found for a missing pod or namespace, and says so when the cluster does not answer", async () => {
    await expect(getPodDetail(deps, roles.owner, "live", "orders-dev", "gone")).rejects.toMatchObject({ code: "not_found" });
    await expect(getPodDetail(deps, roles.owner, "live", "nowhere", "x")).rejects.toMatchObject({ code: "not_found" });
    expect(await getPodDetail(deps, roles.owner, "live", "orders-dev", "flaky")).toMatchObject({ ok: false, reason: "unreachable" });
  });
});
