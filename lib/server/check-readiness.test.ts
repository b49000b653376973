import { describe, expect, it } from "vitest";
import type { ClusterHealth } from "./cluster-health";
import { checkReadiness, type ReadinessDeps } from "./check-readiness";

const loaded = { loaded: true, commit: "c1", namespaces: 3, checkedAt: new Date(0) };
const cluster = (name: string, state: ClusterHealth["state"]) => ({ cluster: name, state, lastSyncedAt: state === "synced" ? new Date(0) : null });

function deps(overrides: Partial<ReadinessDeps> = {}): ReadinessDeps {
  return { pingDatabase: async () => 1, inventory: () => loaded, clusters: () => [], ...overrides };
}

describe("checkReadiness", () => {
  it("is ready with a database, a loaded index and no clusters", async () => {
    expect(await checkReadiness(deps())).toEqual({ ready: true, database: "ok", index: "loaded", clusters: [] });
  });

  it("is not ready while the index loads or the database does not answer", async () => {
    expect((await checkReadiness(deps({ inventory: () => ({ ...loaded, loaded: false }) }))).ready).toBe(false);
    const down = await checkReadiness(deps({ pingDatabase: () => Promise.reject(new Error("ECONNREFUSED")) }));
    expect(down).toMatchObject({ ready: false, database: "unreachable" });
  });

  it("counts a database that hangs as unreachable", async () => {
    const hung = await checkReadiness(deps({ pingDatabase: () => new Promise(() => undefined), timeoutMs: 20 }));
    expect(hung).toMatchObject({ ready: false, database: "unreachable" });
  });

  it("reports an unreachable cluster without failing, and waits for one still connecting", async () => {
    const some = await checkReadiness(deps({ clusters: () => [cluster("live", "synced"), cluster("live-2", "unreachable")] }));
    expect(some.ready).toBe(true);
    expect(some.clusters).toEqual([
      { cluster: "live", state: "synced", lastSyncedAt: "1970-01-01T00:00:00.000Z" },
      { cluster: "live-2", state: "unreachable", lastSyncedAt: null },
    ]);
    expect((await checkReadiness(deps({ clusters: () => [cluster("live", "synced"), cluster("live-2", "connecting")] }))).ready).toBe(false);
  });
});
