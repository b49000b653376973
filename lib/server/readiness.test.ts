import { describe, expect, it } from "vitest";
import { fakeClusterWatcher } from "@/lib/clusters/testing/fake-cluster-watcher";
import type { Db } from "@/lib/db/create-db";
import { readiness } from "./readiness";
import { clustersOf, fakeInventory, fakeServices } from "./testing/fake-services";

// Note: readiness uses only db.$queryRaw (its `SELECT 1`); the cast says no more of Db exists.
const answering = { $queryRaw: async () => [{ "?column?": 1 }] } as unknown as Db;
const down = { $queryRaw: async () => Promise.reject(new Error("ECONNREFUSED")) } as unknown as Db;
const synced = (name: string) => fakeClusterWatcher(name, { since: new Date("2026-06-01T00:00:00Z") });

describe("readiness", () => {
  it("is ready with a database that answers, a loaded index and every profile cluster synced or not configured", async () => {
    const deps = fakeServices({ db: answering, clusters: clustersOf([synced("live")], [{ cluster: "live-2", reason: "no kubeconfig is configured" }]) });
    expect(await readiness(deps)).toEqual({
      ready: true,
      database: "ok",
      index: "loaded",
      clusters: [
        { cluster: "live", state: "synced", lastSyncedAt: "2026-06-01T00:00:00.000Z" },
        { cluster: "live-2", state: "not_configured", lastSyncedAt: null },
      ],
    });
  });

  it("is not ready when the database does not answer, the index is loading, or a cluster is connecting", async () => {
    const clusters = clustersOf([synced("live"), synced("live-2")]);
    expect(await readiness(fakeServices({ db: down, clusters }))).toMatchObject({ ready: false, database: "unreachable" });
    const loading = { ...fakeInventory(), status: () => ({ loaded: false, commit: null, namespaces: 0, checkedAt: null }) };
    expect(await readiness(fakeServices({ db: answering, clusters, inventory: loading }))).toMatchObject({ ready: false, index: "loading" });
    const connecting = clustersOf([synced("live"), fakeClusterWatcher("live-2", { state: "connecting" })]);
    expect(await readiness(fakeServices({ db: answering, clusters: connecting }))).toMatchObject({ ready: false, database: "ok", index: "loaded" });
  });
});
