import { namespaceStatus } from "@/lib/clusters/namespace-status";
import { clusterHealth, clusterWatcher } from "./cluster-health";
import type { Services } from "./services";

/** What the cluster runs in a namespace, from the same cache the namespace page reads; `known: false` while the cluster's data is not known. */
export type NamespaceWorkloads = { known: true; deployments: number; pods: number } | { known: false };

export function namespaceWorkloads(deps: Pick<Services, "clusters" | "profile">, cluster: string, name: string): NamespaceWorkloads {
  const watcher = clusterWatcher(deps.clusters, cluster);
  const health = clusterHealth(deps).find((c) => c.cluster === cluster);
  if (!watcher || !health || health.lastSyncedAt === null) return { known: false };
  const status = namespaceStatus(watcher.cache, name);
  return { known: true, deployments: status.deployments.length, pods: status.pods.length };
}
