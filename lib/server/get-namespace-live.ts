import { canBrowseInventory, canReview, canSeeNamespaceInFull } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { namespaceStatus, type NamespaceLive } from "@/lib/clusters/namespace-status";
import { secretsWiring, type SecretsWiring } from "@/lib/clusters/secrets-wiring";
import { AppError } from "@/lib/errors";
import { authorize } from "./authorize";
import { clusterHealth, clusterWatcher, healthJson, type ClusterHealthJson } from "./cluster-health";
import type { Services } from "./services";

export interface NamespaceLiveView {
  cluster: ClusterHealthJson;
  /** Null while the cluster's data has never been known (connecting, not configured). */
  live: (Omit<NamespaceLive, "secrets" | "events"> & { secrets: NamespaceLive["secrets"] | null; events: NamespaceLive["events"] | null }) | null;
  /** How Secrets and ConfigMaps are wired into deployments; null unless the full view and the cluster's data are known. */
  wiring: SecretsWiring | null;
  /** Secrets' keys, wiring and events are shown (owners and reviewers). */
  fullView: boolean;
  /** A repository folder defines the namespace (otherwise it is drift). */
  inRepository: boolean;
  /** When this view was made; ages are relative to it. */
  at: string;
}

/**
 * A namespace's live status from the cluster cache (never a call to the
 * cluster). Any member sees workloads and quota; secrets and events only
 * its owners and platform reviewers, and with them how Secrets and
 * ConfigMaps are wired into deployments. A namespace no repository folder
 * defines (drift) is known only to reviewers' full view.
 */
export async function getNamespaceLive(
  deps: Pick<Services, "inventory" | "profile" | "clusters" | "clock">,
  viewer: Viewer | null,
  cluster: string,
  name: string,
): Promise<NamespaceLiveView> {
  authorize(viewer, canBrowseInventory(viewer));
  const watcher = clusterWatcher(deps.clusters, cluster);
  const record = (await deps.inventory.snapshot()).find(cluster, name);
  if (!record && !watcher?.cache.namespaces.has(name)) throw new AppError("not_found", `No namespace ${name} on cluster ${cluster}`);
  // A folder under a domain the profile does not list has no cluster to read.
  const health = clusterHealth(deps).find((c) => c.cluster === cluster) ?? {
    cluster,
    state: "not_configured" as const,
    lastSyncedAt: null,
    since: deps.clock.now(),
    reason: "not a cluster of the profile",
  };
  const fullView = record ? canSeeNamespaceInFull(viewer, record) : canReview(viewer);
  const view = { cluster: healthJson(health), fullView, inRepository: record !== undefined, at: deps.clock.now().toISOString() };
  if (!watcher || health.lastSyncedAt === null) return { ...view, live: null, wiring: null };
  const status = namespaceStatus(watcher.cache, name);
  if (!fullView) return { ...view, live: { ...status, secrets: null, events: null }, wiring: null };
  return { ...view, live: status, wiring: secretsWiring(name, watcher.cache.objectsIn(name), record?.secrets ?? []) };
}
