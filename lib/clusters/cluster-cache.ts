import type { AnyRecord, EventRecord, NamespaceRecordLive, RecordOf, WatchedKind } from "./kinds";
import { recordKey } from "./summarise-object";

type NamespacedKind = Exclude<WatchedKind, "namespaces">;
export type NamespaceObjects = { [K in NamespacedKind]: Map<string, RecordOf[K]> };
export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

/** Events kept per namespace; the newest win. The API server itself keeps events for an hour. */
export const EVENTS_PER_NAMESPACE = 100;

/**
 * One cluster's objects as slim records, grouped by namespace so a namespace
 * page reads one bucket. Reads never call the cluster; informers write.
 */
export class ClusterCache {
  readonly namespaces = new Map<string, NamespaceRecordLive>();
  private readonly buckets = new Map<string, NamespaceObjects>();

  /** Everything in a namespace (empty maps when nothing is cached for it). */
  objectsIn(namespace: string): NamespaceObjects {
    return this.buckets.get(namespace) ?? EMPTY;
  }

  /** Replaces every record of a kind, after a (re-)list. */
  replace<K extends WatchedKind>(kind: K, records: RecordOf[K][]): void {
    if (kind === "namespaces") {
      this.namespaces.clear();
    } else {
      for (const bucket of this.buckets.values()) bucket[kind as NamespacedKind].clear();
    }
    for (const record of records) this.apply(kind, "ADDED", record);
    this.dropEmptyBuckets();
  }

  /** Applies one watch event. */
  apply<K extends WatchedKind>(kind: K, type: WatchEventType, record: RecordOf[K]): void {
    if (kind === "namespaces") {
      const ns = record as NamespaceRecordLive;
      if (type === "DELETED") this.namespaces.delete(ns.name);
      else this.namespaces.set(ns.name, ns);
      return;
    }
    const namespaced = record as RecordOf[NamespacedKind];
    const key = recordKey(namespaced);
    if (type === "DELETED") {
      const bucket = this.buckets.get(namespaced.namespace);
      bucket?.[kind as NamespacedKind].delete(key);
      return;
    }
    const map = this.bucketFor(namespaced.namespace)[kind as NamespacedKind] as Map<string, AnyRecord>;
    map.set(key, namespaced);
    if (kind === "events" && map.size > EVENTS_PER_NAMESPACE) dropOldest(map as Map<string, EventRecord>);
  }

  /** Object counts, for the benchmark and metrics. */
  size(): Record<WatchedKind, number> {
    const sizes = { namespaces: this.namespaces.size, deployments: 0, replicasets: 0, pods: 0, events: 0, resourcequotas: 0, secrets: 0, configmaps: 0 };
    for (const bucket of this.buckets.values()) {
      for (const kind of NAMESPACED_KINDS) sizes[kind] += bucket[kind].size;
    }
    return sizes;
  }

  private bucketFor(namespace: string): NamespaceObjects {
    let bucket = this.buckets.get(namespace);
    if (!bucket) {
      bucket = emptyObjects();
      this.buckets.set(namespace, bucket);
    }
    return bucket;
  }

  private dropEmptyBuckets(): void {
    for (const [namespace, bucket] of this.buckets) {
      if (NAMESPACED_KINDS.every((kind) => bucket[kind].size === 0)) this.buckets.delete(namespace);
    }
  }
}

const NAMESPACED_KINDS = [
  "deployments",
  "replicasets",
  "pods",
  "events",
  "resourcequotas",
  "secrets",
  "configmaps",
] as const satisfies readonly NamespacedKind[];

function emptyObjects(): NamespaceObjects {
  return {
    deployments: new Map(),
    replicasets: new Map(),
    pods: new Map(),
    events: new Map(),
    resourcequotas: new Map(),
    secrets: new Map(),
    configmaps: new Map(),
  };
}

const EMPTY: NamespaceObjects = emptyObjects();

function dropOldest(events: Map<string, EventRecord>): void {
  let oldestKey: string | undefined;
  let oldest = "\uffff";
  for (const [key, event] of events) {
    const seen = event.lastSeen ?? "";
    if (seen < oldest) {
      oldest = seen;
      oldestKey = key;
    }
  }
  if (oldestKey !== undefined) events.delete(oldestKey);
}
