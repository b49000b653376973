import type { ClusterHealth, ClusterWatcher } from "@/lib/clusters/cluster-watcher";
import type { PlatformProfile } from "@/lib/environments/profile/profile";

export type { ClusterHealth };

/** The profile's clusters: a watcher for each one Berth can reach, the reason for each it cannot. */
export interface Clusters {
  watchers: ClusterWatcher[];
  unconfigured: { cluster: string; reason: string }[];
  /** When Berth started watching: the "since" of clusters it never could. */
  since: Date;
}

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

/** The watcher of a profile cluster Berth has credentials for. */
export function clusterWatcher(clusters: Clusters, cluster: string): ClusterWatcher | undefined {
  return clusters.watchers.find((w) => w.name === cluster);
}

/** The watchers whose data has been known (synced now, or before an outage): the caches pages may show. */
export function knownWatchers(clusters: Clusters): ClusterWatcher[] {
  return clusters.watchers.filter((w) => w.health().lastSyncedAt !== null);
}

/** Every cluster of the profile, in its order: live, connecting, unreachable (with the age of its data) or not configured. */
export function clusterHealth({ clusters, profile }: { clusters: Clusters; profile: PlatformProfile }): ClusterHealth[] {
  return profile.clusters.map((c) => {
    const watcher = clusterWatcher(clusters, c.name);
    if (watcher) return watcher.health();
    const reason = clusters.unconfigured.find((u) => u.cluster === c.name)?.reason ?? "not configured";
    return { cluster: c.name, state: "not_configured", lastSyncedAt: null, since: clusters.since, reason };
  });
}
