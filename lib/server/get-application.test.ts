import { describe, expect, it } from "vitest";
import { deploymentRecord, fakeClusterWatcher } from "@/lib/clusters/testing/fake-cluster-watcher";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { getApplication } from "./get-application";
import { clustersOf, fakeInventory, fakeServices, inventorySnapshot, roles } from "./testing/fake-services";

const repo = "https://github.com/ministryofjustice/book-a-visit";
const ns = (name: string, environment: string, cluster = "live") =>
  namespaceRecord(name, { cluster, environment, isProduction: environment === "production", application: "Book a visit", sourceCode: repo });
const image = (app: string, tag: string) => [{ container: app, image: `ecr/book-a-visit/${app}:${tag}`, tag }];

const live = fakeClusterWatcher("live", { namespaces: ["book-a-visit-dev", "book-a-visit-staging", "book-a-visit-prod"] });
const put = (namespace: string, name: string, tag: string) =>
  live.cache.apply("deployments", "ADDED", deploymentRecord(namespace, name, { images: image(name, tag) }));
put("book-a-visit-dev", "api", "c0ffee3");
put("book-a-visit-staging", "api", "c0ffee2");
put("book-a-visit-prod", "api", "c0ffee1");
put("book-a-visit-dev", "ui", "v1.4.0");
put("book-a-visit-staging", "ui", "v1.4.0");
put("book-a-visit-prod", "ui", "v1.4.0");
put("book-a-visit-dev", "worker", "v2");

const deps = fakeServices({
  inventory: fakeInventory(
    inventorySnapshot([
      ns("book-a-visit-prod", "production"),
      ns("book-a-visit-staging", "staging"),
      ns("book-a-visit-dev", "development"),
      { ...ns("unrelated-dev", "development"), sourceCode: "https://github.com/ministryofjustice/unrelated" },
    ]),
  ),
  clusters: clustersOf([live]),
});

describe("getApplication", () => {
  it("shows each deployment's images per environment, production flagged where it differs from staging", async () => {
    const view = await getApplication(deps, roles.member, "book-a-visit");
    expect(view.environments.map((e) => e.namespace)).toEqual(["book-a-visit-dev", "book-a-visit-staging", "book-a-visit-prod"]);
    expect(view.staging).toBe("book-a-visit-staging");
    expect(view.rows.map((r) => [r.deployment, r.images.map((i) => i?.[0]?.tag ?? null), r.productionDiffers])).toEqual([
      ["api", ["c0ffee3", "c0ffee2", "c0ffee1"], true],
      ["ui", ["v1.4.0", "v1.4.0", "v1.4.0"], false],
      // Missing in both staging and production: nothing to compare.
      ["worker", ["v2", null, null], false],
    ]);
  });

  it("does not claim a difference when a cluster's data is unknown", async () => {
    const split = fakeServices({
      inventory: fakeInventory(inventorySnapshot([ns("book-a-visit-staging", "staging"), ns("book-a-visit-prod", "production", "live-2")])),
      clusters: clustersOf([live]),
    });
    const view = await getApplication(split, roles.member, "book-a-visit");
    expect(view.environments.map((e) => e.known)).toEqual([true, false]);
    expect(view.rows.every((r) => !r.productionDiffers)).toBe(true);
  });

  it("refuses anonymous viewers and answers not_found for an unknown application", async () => {
    await expect(getApplication(deps, null, "book-a-visit")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getApplication(deps, roles.member, "nothing")).rejects.toMatchObject({ code: "not_found" });
  });
});
