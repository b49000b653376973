import { objectKey, resourceOfKind, type KubeObject, type SampleResource } from "./kube-object";

export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";

/** One write, numbered like an etcd revision; `previous` lets a list be read as of an older revision. */
export interface StoredChange {
  resourceVersion: number;
  type: ChangeType;
  resource: SampleResource;
  key: string;
  object: KubeObject;
  previous?: KubeObject;
}

export interface SampleStore {
  /** The latest resourceVersion: every change increments it, whatever its kind. */
  resourceVersion(): number;
  /** The oldest resourceVersion a watch may start from; older ones are "too old" (410 Expired). */
  oldestWatchable(): number;
  get(resource: SampleResource, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Objects sorted by key, as of `atVersion` (default now); null when that is older than what is retained. */
  list(resource: SampleResource, options?: { namespace?: string; atVersion?: number }): KubeObject[] | null;
  /** Retained changes of one resource after a resourceVersion, oldest first. */
  changesSince(resource: SampleResource, resourceVersion: number): StoredChange[];
  /** Called synchronously with every change; returns an unsubscribe function. */
  subscribe(listener: (change: StoredChange) => void): () => void;
  /** Creates or replaces the object (ADDED or MODIFIED) and returns it with its new resourceVersion. */
  put(object: KubeObject): KubeObject;
  remove(resource: SampleResource, namespace: string | undefined, name: string): KubeObject | undefined;
}

/**
 * The objects of the sample cluster and the log of changes to them, like
 * etcd behind a watch cache: a single revision counter, and only the last
 * `retain` changes kept, so a client that falls further behind must re-list.
 */
export function createSampleStore(objects: KubeObject[], retain = 1000): SampleStore {
  const state = new Map<SampleResource, Map<string, KubeObject>>();
  const table = (resource: SampleResource) => state.get(resource) ?? state.set(resource, new Map()).get(resource)!;
  let revision = 0;
  for (const object of objects) {
    table(resourceOfKind(object.kind)).set(objectKey(object.metadata), object);
    revision = Math.max(revision, Number(object.metadata.resourceVersion) || 0);
  }
  let oldest = revision;
  const log: StoredChange[] = [];
  const listeners = new Set<(change: StoredChange) => void>();

  const record = (type: ChangeType, resource: SampleResource, object: KubeObject, previous?: KubeObject): KubeObject => {
    revision++;
    const stamped = { ...object, metadata: { ...object.metadata, resourceVersion: String(revision) } };
    const key = objectKey(stamped.metadata);
    if (type === "DELETED") table(resource).delete(key);
    else table(resource).set(key, stamped);
    const change = { resourceVersion: revision, type, resource, key, object: stamped, previous };
    log.push(change);
    // Like etcd compaction: the first change no longer kept sets the floor for watches and continue tokens.
    if (log.length > retain) oldest = log.shift()!.resourceVersion;
    for (const listener of listeners) listener(change);
    return stamped;
  };

  return {
    resourceVersion: () => revision,
    oldestWatchable: () => oldest,
    get: (resource, namespace, name) => table(resource).get(objectKey({ namespace, name })),
    list(resource, { namespace, atVersion = revision } = {}) {
      if (atVersion < oldest) return null;
      const view = new Map(table(resource));
      for (let i = log.length - 1; i >= 0 && log[i]!.resourceVersion > atVersion; i--) {
        const change = log[i]!;
        if (change.resource !== resource) continue;
        if (change.previous) view.set(change.key, change.previous);
        else view.delete(change.key);
      }
      return [...view.entries()]
        .filter(([, object]) => namespace === undefined || object.metadata.namespace === namespace)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, object]) => object);
    },
    changesSince: (resource, resourceVersion) => log.filter((c) => c.resource === resource && c.resourceVersion > resourceVersion),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    put(object) {
      const resource = resourceOfKind(object.kind);
      const previous = table(resource).get(objectKey(object.metadata));
      return record(previous ? "MODIFIED" : "ADDED", resource, object, previous);
    },
    remove(resource, namespace, name) {
      const previous = table(resource).get(objectKey({ namespace, name }));
      return previous && record("DELETED", resource, previous, previous);
    },
  };
}
