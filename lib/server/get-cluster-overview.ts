import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { isHealthy, rolloutStatus, type RolloutStatus } from "@/lib/clusters/namespace-status";
import { AppError } from "@/lib/errors";
import type { LiveStatus } from "@/lib/environments/inventory/query-inventory";
import { authorize } from "./authorize";
import { clusterHealth, clusterWatcher, healthJson, type ClusterHealthJson } from "./cluster-health";
import type { Services } from "./services";

export interface UnhealthyDeployment {
  namespace: string;
  deployment: string;
  ready: number;
  desired: number;
  rollout: RolloutStatus;
  /** Whether a repository folder defines the namespace (its page is /namespaces/...; otherwise /clusters/...). */
  inRepository: boolean;
}

export interface ClusterOverview {
  health: ClusterHealthJson;
  domain: string;
  /** Namespaces the repository defines for this cluster, by their status in it. */
  defined: number;
  byStatus: Record<LiveStatus, number>;
  /** Namespaces the cluster runs that no folder defines (system namespaces included). */
  clusterOnly: number;
  unhealthy: UnhealthyDeployment[];
}

/** One cluster of the profile at a glance: its namespaces, unhealthy deployments and last sync. Any member may see it. */
export async function getClusterOverview(
  deps: Pick<Services, "inventory" | "profile" | "clusters">,
  viewer: Viewer | null,
  cluster: string,
): Promise<ClusterOverview> {
  authorize(viewer, canBrowseInventory(viewer));
  const profileCluster = deps.profile.clusters.find((c) => c.name === cluster);
  if (!profileCluster) throw new AppError("not_found", "No such cluster");
  const health = clusterHealth(deps).find((h) => h.cluster === cluster)!;
  const watcher = clusterWatcher(deps.clusters, cluster);
  const cache = watcher && health.lastSyncedAt !== null ? watcher.cache : undefined;
  const defined = new Set((await deps.inventory.snapshot()).namespaces.filter((ns) => ns.cluster === cluster).map((ns) => ns.name));
  const byStatus: Record<LiveStatus, number> = { live: 0, missing: 0, terminating: 0, unknown: 0 };
  for (const name of defined) {
    const phase = cache?.namespaces.get(name)?.phase;
    byStatus[!cache ? "unknown" : phase === undefined ? "missing" : phase === "Terminating" ? "terminating" : "live"]++;
  }
  const unhealthy: UnhealthyDeployment[] = [];
  let clusterOnly = 0;
  for (const name of cache ? [...cache.namespaces.keys()].sort() : []) {
    if (!defined.has(name)) clusterOnly++;
    for (const d of [...cache!.objectsIn(name).deployments.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      if (!isHealthy(d)) {
        unhealthy.push({ namespace: name, deployment: d.name, ready: d.ready, desired: d.desired, rollout: rolloutStatus(d), inRepository: defined.has(name) });
      }
    }
  }
  return { health: healthJson(health), domain: profileCluster.domain, defined: defined.size, byStatus, clusterOnly, unhealthy };
}
