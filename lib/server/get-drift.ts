import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { findDrift, type Drift } from "@/lib/clusters/find-drift";
import { authorize } from "./authorize";
import { getClusterHealth, type ClusterHealth } from "./cluster-health";
import { getClusters, getInventoryStore, getProfile } from "./wiring";

export interface DriftView extends Drift {
  /** Clusters compared (their data is known) and those that could not be. */
  clusters: ClusterHealth[];
}

/** Namespaces the repository and the clusters disagree on, for clusters whose data is known. */
export async function getDrift(viewer: Viewer | null): Promise<DriftView> {
  authorize(viewer, canBrowseInventory(viewer));
  const health = getClusterHealth();
  const known = new Set(health.filter((h) => h.lastSyncedAt !== null).map((h) => h.cluster));
  const snapshot = await getInventoryStore().snapshot();
  const drift = findDrift({
    repository: snapshot.namespaces.map((ns) => ({ cluster: ns.cluster, namespace: ns.name })),
    clusters: getClusters()
      .watchers.filter((w) => known.has(w.name))
      .map((w) => ({ name: w.name, namespaces: w.cache.namespaces })),
    systemNamespaces: getProfile().systemNamespaces,
  });
  return { ...drift, clusters: health };
}
