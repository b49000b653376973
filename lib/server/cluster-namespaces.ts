import type { ClusterNamespaces } from "@/lib/environments/requests/claimed-namespace";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import { clusterWatcher, type Clusters } from "./cluster-health";

/**
 * Each profile cluster's namespace names from the cluster cache, for checking
 * a requested name: the last data of a cluster Berth has synced with (current
 * only while synced), nothing for one it never could read.
 */
export function clusterNamespaces({ clusters, profile }: { clusters: Clusters; profile: PlatformProfile }): ClusterNamespaces[] {
  return profile.clusters.map((c) => {
    const watcher = clusterWatcher(clusters, c.name);
    const health = watcher?.health();
    if (!watcher || !health || (health.lastSyncedAt === null && health.state !== "synced")) return { cluster: c.name, names: null, current: false };
    return { cluster: c.name, names: new Set(watcher.cache.namespaces.keys()), current: health.state === "synced" };
  });
}
