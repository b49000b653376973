import { describe, expect, it, vi } from "vitest";
import { deploymentRecord, fakeClusterWatcher } from "@/lib/clusters/testing/fake-cluster-watcher";
import { parseInventoryQuery } from "@/lib/environments/inventory/query-inventory";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { listNamespaces, listNamespacesJson } from "./list-namespaces";
import { clustersOf, fakeInventory, fakeServices, inventorySnapshot, roles, viewer } from "./testing/fake-services";
import { createTextCache } from "./text-cache";

const namespaces = [
  namespaceRecord("a-dev", { modules: [{ name: "q", module: "sqs", source: "s", ref: "5.1.2", file: "resources/q.tf" }] }),
  namespaceRecord("b-dev", { teams: ["team-b"], businessUnit: "LAA", awsProviders: [{ alias: null, tags: ["namespace", "owner"] }] }),
  namespaceRecord("c-dev", { cluster: "live-2", environment: "production" }),
];

function setup() {
  const live = fakeClusterWatcher("live", { namespaces: ["a-dev"] });
  live.cache.apply("deployments", "ADDED", deploymentRecord("a-dev", "api", { ready: 0 }));
  const inventory = fakeInventory(inventorySnapshot(namespaces));
  const inventoryJson = createTextCache(1024 * 1024);
  const sets = vi.spyOn(inventoryJson, "set");
  let today = new Date("2026-06-01T00:00:00Z");
  const clock = { now: () => today };
  const deps = fakeServices({ inventory, inventoryJson, clock, clusters: clustersOf([live, fakeClusterWatcher("live-2", { state: "connecting" })]) });
  return { deps, live, inventory, sets, nextDay: () => (today = new Date("2026-06-02T00:00:00Z")) };
}

describe("listNamespaces", () => {
  it("refuses anonymous viewers", async () => {
    await expect(listNamespaces(setup().deps, null, parseInventoryQuery({}))).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("gives a page of rows with the inventory's facets and each row's live state", async () => {
    const list = await listNamespaces(setup().deps, roles.member, parseInventoryQuery({ pageSize: "2" }));
    expect(list).toMatchObject({ total: 3, pages: 2, commit: "c0ffee0000000000000000000000000000000000" });
    expect(list.rows.map((r) => r.name)).toEqual(["a-dev", "b-dev"]);
    expect(list.facets).toEqual({
      clusters: ["live", "live-2"],
      businessUnits: ["HMPPS", "LAA"],
      environments: ["development", "production"],
      teams: ["team-a", "team-b"],
      modules: ["sqs"],
      tags: ["namespace", "owner"],
    });
    expect(list.live).toEqual({ "live/a-dev": { status: "live", unhealthyDeployments: 1 }, "live/b-dev": { status: "missing", unhealthyDeployments: 0 } });
  });

  it("says why a row is unknown when its cluster is not configured", async () => {
    const deps = fakeServices({ inventory: fakeInventory(inventorySnapshot(namespaces)) });
    const list = await listNamespaces(deps, roles.member, parseInventoryQuery({ cluster: "live-2" }));
    expect(list.live).toEqual({ "live-2/c-dev": { status: "unknown", unhealthyDeployments: 0, reason: "not configured" } });
  });

  it("says unknown for rows of a cluster whose data has never been known", async () => {
    const list = await listNamespaces(setup().deps, roles.member, parseInventoryQuery({ cluster: "live-2" }));
    expect(list.live).toEqual({ "live-2/c-dev": { status: "unknown", unhealthyDeployments: 0 } });
  });
});

describe("listNamespacesJson", () => {
  it("leaves each provider's default tags out of the rows: they filter, they are not a column, and they made the default page's text pass V8's 128 KB large-object size", async () => {
    const json = await listNamespacesJson(setup().deps, roles.member, parseInventoryQuery({}));
    expect(json).not.toContain("awsProviders");
    const list = await listNamespaces(setup().deps, roles.member, parseInventoryQuery({ missingTag: "service-area" }));
    expect(list.rows.map((r) => r.name)).toEqual(["b-dev"]);
  });

  it("is listNamespaces as JSON text", async () => {
    const { deps } = setup();
    const query = parseInventoryQuery({ sort: "name", dir: "desc" });
    expect(JSON.parse(await listNamespacesJson(deps, roles.member, query))).toEqual(
      JSON.parse(JSON.stringify(await listNamespaces(deps, roles.member, query))),
    );
  });

  it("keeps the page's text for the same query, commit and day, and computes live status on every call", async () => {
    const { deps, live, sets } = setup();
    const query = parseInventoryQuery({});
    const first = JSON.parse(await listNamespacesJson(deps, roles.member, query));
    expect(sets).toHaveBeenCalledTimes(2);
    expect(first.live["live/a-dev"]).toEqual({ status: "live", unhealthyDeployments: 1 });

    live.cache.apply("namespaces", "MODIFIED", { name: "a-dev", phase: "Terminating", createdAt: null });
    const second = JSON.parse(await listNamespacesJson(deps, roles.member, query));
    expect(sets).toHaveBeenCalledTimes(2);
    expect(second.live["live/a-dev"]).toEqual({ status: "terminating", unhealthyDeployments: 1 });
    expect(second.rows).toEqual(first.rows);
  });

  it("never keeps the answer to a query on cluster status: it follows the cluster", async () => {
    const { deps, live, sets } = setup();
    const query = parseInventoryQuery({ status: "live" });
    const rows = async () => (JSON.parse(await listNamespacesJson(deps, roles.member, query)) as { rows: { name: string }[] }).rows.map((r) => r.name);
    expect(await rows()).toEqual(["a-dev"]);
    live.cache.apply("namespaces", "ADDED", { name: "b-dev", phase: "Active", createdAt: null });
    expect(await rows()).toEqual(["a-dev", "b-dev"]);
    expect(sets).not.toHaveBeenCalled();
  });

  it("computes the page again on a new day or a new commit", async () => {
    const { deps, inventory, sets, nextDay } = setup();
    const query = parseInventoryQuery({});
    await listNamespacesJson(deps, roles.member, query);
    nextDay();
    await listNamespacesJson(deps, roles.member, query);
    expect(sets).toHaveBeenCalledTimes(4);
    inventory.current = inventorySnapshot(namespaces.slice(0, 1), "0ther");
    expect(JSON.parse(await listNamespacesJson(deps, roles.member, query))).toMatchObject({ commit: "0ther", total: 1 });
    expect(sets).toHaveBeenCalledTimes(6);
  });

  it("checks authorization on every call and keeps `mine` apart by the viewer's teams", async () => {
    const { deps } = setup();
    const mine = parseInventoryQuery({ mine: "true" });
    await listNamespacesJson(deps, roles.owner, mine);
    await expect(listNamespacesJson(deps, null, mine)).rejects.toMatchObject({ code: "unauthenticated" });
    const names = async (who: ReturnType<typeof viewer>) =>
      (JSON.parse(await listNamespacesJson(deps, who, mine)) as { rows: { name: string }[] }).rows.map((r) => r.name);
    expect(await names(roles.owner)).toEqual(["a-dev", "c-dev"]);
    expect(await names(viewer("bea", ["team-b"]))).toEqual(["b-dev"]);
  });
});
