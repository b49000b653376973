import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { findDrift, type Drift } from "@/lib/clusters/find-drift";
import { authorize } from "./authorize";
import { clusterHealth, healthJson, knownWatchers, type ClusterHealth, type ClusterHealthJson } from "./cluster-health";
import type { Services } from "./services";

export interface DriftView extends Drift {
  /** Clusters compared (their data is known) and those that could not be. */
  clusters: ClusterHealth[];
}

/** Namespaces the repository and the clusters disagree on, for clusters whose data is known. */
export async function getDrift(deps: Pick<Services, "inventory" | "profile" | "clusters">, viewer: Viewer | null): Promise<DriftView> {
  authorize(viewer, canBrowseInventory(viewer));
  const health = clusterHealth(deps);
  const snapshot = await deps.inventory.snapshot();
  const drift = findDrift({
    repository: snapshot.namespaces.map((ns) => ({ cluster: ns.cluster, namespace: ns.name })),
    clusters: knownWatchers(deps.clusters).map((w) => ({ name: w.name, namespaces: w.cache.namespaces })),
    systemNamespaces: deps.profile.systemNamespaces,
  });
  return { ...drift, clusters: health };
}

/** DriftView as it travels to a browser (dates as ISO strings), for the drift page's first view and its polling. */
export interface DriftJson extends Drift {
  clusters: ClusterHealthJson[];
}

export async function getDriftJson(deps: Pick<Services, "inventory" | "profile" | "clusters">, viewer: Viewer | null): Promise<DriftJson> {
  const drift = await getDrift(deps, viewer);
  return { ...drift, clusters: drift.clusters.map(healthJson) };
}
