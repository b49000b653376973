import type { ClusterHealth } from "@/lib/clusters/cluster-watcher";
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

/** Every cluster of the profile, in its order: live, connecting, unreachable (with the age of its data) or not configured. */
export function getClusterHealth(): ClusterHealth[] {
  const clusters = getClusters();
  return getProfile().clusters.map((c) => {
    const watcher = clusters.watchers.find((w) => w.name === c.name);
    if (watcher) return watcher.health();
    const reason = clusters.unconfigured.find((u) => u.cluster === c.name)?.reason ?? "not configured";
    return { cluster: c.name, state: "not_configured", lastSyncedAt: null, since: startedAt, reason };
  });
}
