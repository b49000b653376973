import { getDb } from "@/lib/db/client";
import { clusterWatcher } from "./cluster-health";
import { log } from "./log";
import { markAppliedRequests } from "./requests/mark-applied-requests";
import { getClusters } from "./wiring";

const SWEEP_MS = 30_000;

/**
 * Starts the cluster watchers and moves merged namespace requests to
 * "applied" when their namespace appears: at once on the watch event, and by
 * a periodic sweep for namespaces that were already there at the first list.
 */
export function startClusterWatch(onFirstSync?: () => void): void {
  let pending: NodeJS.Timeout | null = null;
  const sweep = () =>
    void markAppliedRequests(getDb(), isLive).catch((error) => log.warn("marking applied requests failed", { error: String(error) }));
  const soon = () => {
    // Coalesces the burst of events a re-list or a busy cluster sends.
    pending ??= setTimeout(() => ((pending = null), sweep()), 200);
  };
  getClusters(soon, onFirstSync);
  setInterval(sweep, SWEEP_MS).unref();
  sweep();
}

function isLive(cluster: string, namespace: string): boolean {
  return clusterWatcher(cluster)?.cache.namespaces.get(namespace)?.phase === "Active";
}
