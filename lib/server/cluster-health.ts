import type { ClusterHealth, ClusterWatcher } from "@/lib/clusters/cluster-watcher";
import { getClusters, getProfile } from "./wiring";

export type { ClusterHealth };

/** ClusterHealth as it travels to a browser (dates as ISO strings). */
export interface ClusterHealthJson {
  cluster: string;
  state: ClusterHealth["state"];
  lastSyncedAt: string | null;
  since: string;
  reason: string | null;
}

export function healthJson(health: ClusterHealth): ClusterHealthJson {
  return { ...health, lastSyncedAt: health.lastSyncedAt?.toISOString() ?? null, since: health.since.toISOString() };
}

const startedAt = new Date();

/** The watcher of a profile cluster Berth has credentials for. */
export function clusterWatcher(cluster: string): ClusterWatcher | undefined {
  return getClusters().watchers.find((w) => w.name === cluster);
}

/** The watchers whose data has been known (synced now, or before an outage): the caches pages may show. */
export function knownWatchers(): ClusterWatcher[] {
  return getClusters().watchers.filter((w) => w.health().lastSyncedAt !== null);
}

/** Every cluster of the profile, in its order: live, connecting, unreachable (with the age of its data) or not configured. */
export function getClusterHealth(): ClusterHealth[] {
  return getProfile().clusters.map((c) => {
    const watcher = clusterWatcher(c.name);
    if (watcher) return watcher.health();
    const reason = getClusters().unconfigured.find((u) => u.cluster === c.name)?.reason ?? "not configured";
    return { cluster: c.name, state: "not_configured", lastSyncedAt: null, since: startedAt, reason };
  });
}
