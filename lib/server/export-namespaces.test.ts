import { describe, expect, it } from "vitest";
import { parseInventoryQuery } from "@/lib/environments/inventory/query-inventory";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { exportNamespaces } from "./export-namespaces";
import { fakeInventory, fakeServices, inventorySnapshot, roles } from "./testing/fake-services";

const deps = fakeServices({
  inventory: fakeInventory(
    inventorySnapshot([namespaceRecord("a-dev"), namespaceRecord("b-dev", { teams: ["team-b"] }), namespaceRecord("c-dev", { cluster: "live-2" })]),
  ),
});
const names = (csv: string) =>
  csv
    .trim()
    .split("\r\n")
    .slice(1)
    .map((line) => line.split(",").slice(0, 2).join("/"));

describe("exportNamespaces", () => {
  it("refuses anonymous viewers", async () => {
    await expect(exportNamespaces(deps, null, parseInventoryQuery({}))).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("exports every matching namespace, not only the query's page", async () => {
    const csv = await exportNamespaces(deps, roles.member, parseInventoryQuery({ pageSize: "1", page: "2" }));
    expect(csv.split("\r\n")[0]).toMatch(/^cluster,name,business_unit,.*,cluster_status,unhealthy_deployments$/);
    expect(csv.split("\r\n")[1]).toMatch(/,unknown,0$/);
    expect(names(csv)).toEqual(["live/a-dev", "live/b-dev", "live-2/c-dev"]);
  });

  it("applies the query's filters, `mine` by the viewer's teams", async () => {
    expect(names(await exportNamespaces(deps, roles.member, parseInventoryQuery({ cluster: "live-2" })))).toEqual(["live-2/c-dev"]);
    expect(names(await exportNamespaces(deps, roles.owner, parseInventoryQuery({ mine: "true" })))).toEqual(["live/a-dev", "live-2/c-dev"]);
    expect(names(await exportNamespaces(deps, roles.member, parseInventoryQuery({ mine: "true" })))).toEqual([]);
  });
});
