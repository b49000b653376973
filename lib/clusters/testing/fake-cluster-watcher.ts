import { ClusterCache } from "../cluster-cache";
import type { ClusterHealth, ClusterState, ClusterWatcher } from "../cluster-watcher";
import { WATCHED_KINDS, type DeploymentRecord, type NamespaceRecordLive, type WatchedKind } from "../kinds";

export interface FakeClusterWatcher extends ClusterWatcher {
  /** Changes what health() answers from now on. */
  setHealth(health: Partial<Omit<ClusterHealth, "cluster">>): void;
  readonly stopped: boolean;
  /** Pods readPod answers with, by `namespace/name`; an Error value is thrown instead (the cluster not answering). */
  readonly pods: Map<string, unknown>;
}

/**
 * Test fixture: a ClusterWatcher with no source and no informers. The test
 * fills its cache by hand (`cache.apply(...)`) and says what health() answers;
 * synced, by default, with its data current as of `since`.
 */
export function fakeClusterWatcher(
  name: string,
  options: { state?: ClusterState; since?: Date; lastSyncedAt?: Date | null; reason?: string | null; namespaces?: (string | NamespaceRecordLive)[] } = {},
): FakeClusterWatcher {
  const state = options.state ?? "synced";
  const since = options.since ?? new Date(0);
  let health: ClusterHealth = {
    cluster: name,
    state,
    since,
    lastSyncedAt: options.lastSyncedAt !== undefined ? options.lastSyncedAt : state === "synced" ? since : null,
    reason: options.reason ?? null,
  };
  const cache = new ClusterCache();
  for (const ns of options.namespaces ?? []) cache.apply("namespaces", "ADDED", typeof ns === "string" ? { name: ns, phase: "Active", createdAt: null } : ns);
  let stopped = false;
  const pods = new Map<string, unknown>();
  return {
    name,
    cache,
    pods,
    health: () => ({ ...health }),
    readPod: async (namespace, pod) => {
      const found = pods.get(`${namespace}/${pod}`);
      if (found instanceof Error) throw found;
      return found ?? null;
    },
    lists: () => Object.fromEntries(WATCHED_KINDS.map((kind) => [kind, 0])) as Record<WatchedKind, number>,
    stop: () => void (stopped = true),
    setHealth: (change) => void (health = { ...health, ...change }),
    get stopped() {
      return stopped;
    },
  };
}

/** Test fixture: a deployment record, healthy (every replica ready, rollout complete) unless overridden. */
export function deploymentRecord(namespace: string, name: string, overrides: Partial<DeploymentRecord> = {}): DeploymentRecord {
  return {
    namespace,
    name,
    uid: `${namespace}-${name}`,
    desired: 1,
    current: 1,
    ready: 1,
    updated: 1,
    available: 1,
    generation: 1,
    observedGeneration: 1,
    paused: false,
    images: [],
    conditions: [],
    refs: [],
    createdAt: null,
    ...overrides,
  };
}
