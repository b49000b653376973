import { canBrowseInventory, canReview, canSeeNamespaceInFull } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { isKubeApiError } from "@/lib/clusters/cluster-source";
import type { PodLogSource } from "@/lib/clusters/pod-logs";
import { AppError } from "@/lib/errors";
import { authorize } from "./authorize";
import { clusterWatcher } from "./cluster-health";
import type { Services } from "./services";

/**
 * Who reads a namespace's pod logs: its owners and platform reviewers, as
 * for Secrets' keys and events (logs often hold what Secrets hold). A
 * namespace no folder defines (drift) is known to reviewers only. Answers
 * the cluster's log reader.
 */
export async function podLogAccess(
  deps: Pick<Services, "inventory" | "clusters" | "podLogs">,
  viewer: Viewer | null,
  cluster: string,
  namespace: string,
): Promise<{ viewer: Viewer; source: PodLogSource }> {
  authorize(viewer, canBrowseInventory(viewer));
  const record = (await deps.inventory.snapshot()).find(cluster, namespace);
  const drift = !record && canReview(viewer) && clusterWatcher(deps.clusters, cluster)?.cache.namespaces.has(namespace);
  if (!record && !drift) throw new AppError("not_found", `No namespace ${namespace} on cluster ${cluster}`);
  if (record && !canSeeNamespaceInFull(viewer, record)) {
    throw new AppError("forbidden", "Pod logs are shown to the namespace's owners and platform reviewers");
  }
  const source = deps.podLogs.source(cluster);
  if (!source) throw new AppError("upstream", `Berth has no credentials for cluster ${cluster}`);
  return { viewer, source };
}

/** The API server's refusals as answers a user can act on; the cluster's own message where it names the problem. */
export function podLogError(error: unknown, pod: string): unknown {
  if (!isKubeApiError(error)) {
    if (error instanceof Error && error.name === "AbortError") return error;
    return new AppError("upstream", "The cluster's API server did not answer; try again shortly");
  }
  const message = error.message;
  if (error.status === 404 && /^nodes? /.test(message))
    return new AppError("upstream", `The node pod ${pod} ran on is gone, and its logs with it (${message})`);
  if (error.status === 404) return new AppError("not_found", `No pod ${pod} in this namespace (it may have been replaced)`);
  if (error.status === 400 && message.startsWith("previous terminated container")) {
    return new AppError("not_found", "This container has not restarted: there is no previous run to read");
  }
  if (error.status === 400 && /is not valid for pod|container name must be specified/.test(message)) {
    return new AppError("invalid_input", message, { container: message });
  }
  if (error.status === 400 && message.includes("is waiting to start")) return new AppError("conflict", `No logs yet: ${message}`);
  if (error.status === 204) return new AppError("conflict", `Pod ${pod} has not been scheduled to a node yet: it has no logs`);
  if (error.status !== null && error.status >= 500) {
    return new AppError("upstream", `The cluster's API server could not read the log from the pod's node (its kubelet): ${message}`);
  }
  if (error.status === 403) return new AppError("upstream", "Berth's service account may not read pod logs in this cluster (it needs get on pods/log)");
  return new AppError("upstream", `The cluster refused to read the log: ${message}`);
}
