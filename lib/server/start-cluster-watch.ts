import { clusterWatcher } from "./cluster-health";
import { markAppliedRequests } from "./requests/mark-applied-requests";
import type { Services } from "./services";

const SWEEP_MS = 30_000;

/**
 * Starts the cluster watchers and moves merged namespace requests to
 * "applied" when their namespace appears: at once on the watch event, and by
 * a periodic sweep for namespaces that were already there at the first list.
 */
export function startClusterWatch(deps: Pick<Services, "db" | "log" | "clusters" | "clusterListeners">, onFirstSync?: () => void): void {
  let pending: NodeJS.Timeout | null = null;
  const isLive = (cluster: string, namespace: string) => clusterWatcher(deps.clusters, cluster)?.cache.namespaces.get(namespace)?.phase === "Active";
  const sweep = () => void markAppliedRequests(deps.db, isLive).catch((error) => deps.log.warn("marking applied requests failed", { error: String(error) }));
  // Coalesces the burst of events a re-list or a busy cluster sends.
  deps.clusterListeners.namespace.add(() => {
    pending ??= setTimeout(() => ((pending = null), sweep()), 200);
  });
  if (onFirstSync) deps.clusterListeners.firstSync.add(onFirstSync);
  void deps.clusters;
  setInterval(sweep, SWEEP_MS).unref();
  sweep();
}
