import { ClusterCache, type WatchEventType } from "./cluster-cache";
import type { ClusterSource } from "./cluster-source";
import { startInformer, type Informer, type InformerOptions } from "./informer";
import { WATCHED_KINDS, type NamespaceRecordLive, type WatchedKind } from "./kinds";

export type ClusterState = "connecting" | "synced" | "unreachable" | "not_configured";

/** What a page says about a cluster: whether its data is live, and if not, how old it is. */
export interface ClusterHealth {
  cluster: string;
  state: ClusterState;
  /** When the data was last known to be current: now while synced, the moment contact was lost after. */
  lastSyncedAt: Date | null;
  /** Since when the cluster has been in this state. */
  since: Date;
  /** The last failure, while unreachable. */
  reason: string | null;
}

export interface ClusterWatcher {
  readonly name: string;
  readonly cache: ClusterCache;
  health(): ClusterHealth;
  /** One Pod read live from the cluster (not the cache): null when it does not exist; throws when the cluster does not answer. */
  readPod(namespace: string, name: string): Promise<unknown>;
  /** Informer statistics, for tests and the benchmark. */
  lists(): Record<WatchedKind, number>;
  stop(): void;
}

export interface ClusterWatcherOptions {
  name: string;
  source: ClusterSource;
  now?: () => Date;
  /** A namespace was added or changed (e.g. to mark requests applied). */
  onNamespace?: (type: WatchEventType, namespace: NamespaceRecordLive) => void;
  /** Every kind has listed for the first time. */
  onFirstSync?: () => void;
  /** The cluster moved to another state (for logs). */
  onStateChange?: (health: ClusterHealth) => void;
  informer?: Pick<InformerOptions<WatchedKind>, "pageSize" | "stallMs" | "backoff" | "sleep">;
}

/**
 * Watches every kind Berth shows in one cluster. The cluster is synced once
 * every kind has listed and none has failed since; one failing kind makes it
 * unreachable while the cache keeps the last good data for pages to show.
 */
export function watchCluster(options: ClusterWatcherOptions): ClusterWatcher {
  const now = options.now ?? (() => new Date());
  const cache = new ClusterCache();
  const kinds = new Map<WatchedKind, { ok: boolean; error: string | null }>();
  let health: ClusterHealth = { cluster: options.name, state: "connecting", lastSyncedAt: null, since: now(), reason: null };

  const update = (kind: WatchedKind, ok: boolean, error: string | null) => {
    kinds.set(kind, { ok, error });
    const failing = [...kinds.values()].find((k) => !k.ok);
    const state: ClusterState = failing
      ? "unreachable"
      : kinds.size === WATCHED_KINDS.length
        ? "synced"
        : health.state === "unreachable"
          ? "unreachable"
          : "connecting";
    const at = now();
    const lastSyncedAt = health.state === "synced" && state !== "synced" ? at : health.lastSyncedAt;
    const first = state === "synced" && health.state !== "synced" && health.lastSyncedAt === null;
    const changed = state !== health.state;
    health = { cluster: options.name, state, lastSyncedAt, since: changed ? at : health.since, reason: failing?.error ?? null };
    if (first) options.onFirstSync?.();
    if (changed) options.onStateChange?.(health);
  };

  const informers: Informer[] = WATCHED_KINDS.map((kind) =>
    startInformer({
      ...options.informer,
      source: options.source,
      kind,
      cache,
      onHealth: (h) => update(kind, h.ok, h.ok ? null : h.error),
      onChange: kind === "namespaces" && options.onNamespace ? (type, record) => options.onNamespace!(type, record as NamespaceRecordLive) : undefined,
    }),
  );

  return {
    name: options.name,
    cache,
    health: () => (health.state === "synced" ? { ...health, lastSyncedAt: now() } : { ...health }),
    readPod: (namespace, name) => options.source.readPod(namespace, name),
    lists: () => Object.fromEntries(WATCHED_KINDS.map((kind, i) => [kind, informers[i]!.lists])) as Record<WatchedKind, number>,
    stop: () => informers.forEach((informer) => informer.stop()),
  };
}
