import type { ClusterHealth } from "./cluster-health";
import type { InventoryStatus } from "./inventory-store";

export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  index: "loaded" | "loading";
  clusters: { cluster: string; state: ClusterHealth["state"]; lastSyncedAt: string | null }[];
}

export interface ReadinessDeps {
  /** A trivial query; rejects when the database does not answer. */
  pingDatabase(): Promise<unknown>;
  inventory(): InventoryStatus;
  clusters(): Pick<ClusterHealth, "cluster" | "state" | "lastSyncedAt">[];
  /** How long the database may take before it counts as unreachable. */
  timeoutMs?: number;
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this replica should get traffic: the database answers, the
 * inventory index is loaded, and every cluster has synced or is known to be
 * unreachable. Note: an unreachable cluster is reported, not fatal, since
 * pages show it as such; a cluster still connecting is not ready yet, so a
 * new replica does not serve empty status while its informers fill.
 */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const database = await within(deps.pingDatabase(), deps.timeoutMs ?? 2000).then(
    () => "ok" as const,
    () => "unreachable" as const,
  );
  const index = deps.inventory().loaded ? ("loaded" as const) : ("loading" as const);
  const clusters = deps.clusters().map((c) => ({ cluster: c.cluster, state: c.state, lastSyncedAt: c.lastSyncedAt?.toISOString() ?? null }));
  const clustersReady = clusters.every((c) => c.state === "synced" || c.state === "unreachable" || c.state === "not_configured");
  return { ready: database === "ok" && index === "loaded" && clustersReady, database, index, clusters };
}
