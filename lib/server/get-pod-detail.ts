import { canBrowseInventory, canReview, canSeeNamespaceInFull } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { podDetail, type PodDetail } from "@/lib/clusters/pod-detail";
import type { EventRecord } from "@/lib/clusters/kinds";
import { AppError } from "@/lib/errors";
import { authorize } from "./authorize";
import { clusterWatcher } from "./cluster-health";
import type { Services } from "./services";

export type PodDetailView =
  | { ok: true; pod: PodDetail; events: EventRecord[]; at: string }
  | { ok: false; reason: "unreachable" | "not_configured"; message: string; events: EventRecord[]; at: string };

/**
 * One pod in detail, for its namespace's owners and platform reviewers (who
 * see its secrets too). Note: the pod is read live from the cluster with one
 * GET and never cached: keeping containers' resources and termination
 * history in every cached pod record would grow the cache for a page few
 * open. Its events come from the cache.
 */
export async function getPodDetail(
  deps: Pick<Services, "inventory" | "clusters" | "clock">,
  viewer: Viewer | null,
  cluster: string,
  namespace: string,
  name: string,
): Promise<PodDetailView> {
  authorize(viewer, canBrowseInventory(viewer));
  const watcher = clusterWatcher(deps.clusters, cluster);
  const record = (await deps.inventory.snapshot()).find(cluster, namespace);
  if (!record && !watcher?.cache.namespaces.has(namespace)) throw new AppError("not_found", `No namespace ${namespace} on cluster ${cluster}`);
  authorize(viewer, record ? canSeeNamespaceInFull(viewer, record) : canReview(viewer));
  const at = deps.clock.now().toISOString();
  const events = watcher
    ? [...watcher.cache.objectsIn(namespace).events.values()]
        .filter((e) => e.object === `Pod/${name}`)
        .sort((a, b) => (b.lastSeen ?? "").localeCompare(a.lastSeen ?? ""))
    : [];
  if (!watcher) return { ok: false, reason: "not_configured", message: `Berth has no credentials for cluster ${cluster}`, events, at };
  let raw: unknown;
  try {
    raw = await watcher.readPod(namespace, name);
  } catch {
    return { ok: false, reason: "unreachable", message: `Cluster ${cluster} did not answer; try again shortly.`, events, at };
  }
  if (raw === null) throw new AppError("not_found", `No pod ${name} in namespace ${namespace}`);
  return { ok: true, pod: podDetail(raw), events, at };
}
