import type { NamespaceRecord } from "@/lib/environments/types";

/** What the store needs of an environments index; wiring passes the git-backed one, tests a fake. */
export interface Indexer<I extends { commit: string; namespaces: Map<string, NamespaceRecord> }> {
  build(): Promise<I>;
  head(): Promise<string>;
  update(index: I, commit: string): Promise<{ index: I; changed: string[] }>;
}

export interface IndexRun {
  commit: string;
  kind: "cold" | "incremental";
  namespaces: number;
  problems: number;
  durationMs: number;
}

/** An immutable view of the index that pages read; replaced whole when a new commit is indexed. */
export interface InventorySnapshot {
  commit: string;
  indexedAt: Date;
  /** Sorted by cluster, then name. */
  namespaces: NamespaceRecord[];
  find(cluster: string, name: string): NamespaceRecord | undefined;
}

/** For readiness and metrics: whether an index is loaded and when it was last known to match the repository. */
export interface InventoryStatus {
  loaded: boolean;
  commit: string | null;
  namespaces: number;
  /** When the index last matched the repository's head (a cold build or a refresh that found it current). */
  checkedAt: Date | null;
}

export interface InventoryStore {
  /** Without indexing anything; never throws. */
  status(): InventoryStatus;
  /** The current snapshot; the first call indexes the repository. */
  snapshot(): Promise<InventorySnapshot>;
  /** Re-indexes incrementally when the repository has a new commit. */
  refresh(): Promise<void>;
  stop(): void;
}

interface Options<I extends { commit: string; namespaces: Map<string, NamespaceRecord> }> {
  indexer: Indexer<I>;
  refreshMs: number;
  now: () => Date;
  /** Told of every index run; failures are logged, never thrown at a page. */
  onIndexed?: (run: IndexRun) => Promise<void>;
  log?: (message: string, error?: unknown) => void;
}

function toSnapshot(index: { commit: string; namespaces: Map<string, NamespaceRecord> }, indexedAt: Date): InventorySnapshot {
  const namespaces = [...index.namespaces.values()].sort((a, b) => (a.cluster === b.cluster ? (a.name < b.name ? -1 : 1) : a.cluster < b.cluster ? -1 : 1));
  const byName = new Map(namespaces.map((ns) => [`${ns.cluster}/${ns.name}`, ns]));
  return { commit: index.commit, indexedAt, namespaces, find: (cluster, name) => byName.get(`${cluster}/${name}`) };
}

function problemCount(index: { namespaces: Map<string, NamespaceRecord> }): number {
  let n = 0;
  for (const ns of index.namespaces.values()) if (ns.problems.length > 0) n++;
  return n;
}

export function createInventoryStore<I extends { commit: string; namespaces: Map<string, NamespaceRecord> }>(options: Options<I>): InventoryStore {
  const log = options.log ?? ((m, e) => console.error(m, e));
  let index: I | undefined;
  let current: InventorySnapshot | undefined;
  let checkedAt: Date | null = null;
  // One index operation at a time: a refresh waits for the cold build or the previous refresh.
  let queue: Promise<unknown> = Promise.resolve();

  function record(run: IndexRun): void {
    options.onIndexed?.(run).catch((error) => log("Could not record index run", error));
  }

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  async function ensureBuilt(): Promise<InventorySnapshot> {
    if (current) return current;
    const started = performance.now();
    index = await options.indexer.build();
    current = toSnapshot(index, options.now());
    checkedAt = current.indexedAt;
    record({
      commit: index.commit,
      kind: "cold",
      namespaces: index.namespaces.size,
      problems: problemCount(index),
      durationMs: Math.round(performance.now() - started),
    });
    return current;
  }

  async function refreshNow(): Promise<void> {
    if (!index) {
      await ensureBuilt();
      return;
    }
    const head = await options.indexer.head();
    if (head === index.commit) {
      checkedAt = options.now();
      return;
    }
    const started = performance.now();
    const { index: next } = await options.indexer.update(index, head);
    index = next;
    current = toSnapshot(next, options.now());
    checkedAt = current.indexedAt;
    record({
      commit: next.commit,
      kind: "incremental",
      namespaces: next.namespaces.size,
      problems: problemCount(next),
      durationMs: Math.round(performance.now() - started),
    });
  }

  const timer = setInterval(() => {
    if (!index) return;
    serial(refreshNow).catch((error) => log("Could not refresh the inventory index", error));
  }, options.refreshMs);
  timer.unref?.();

  return {
    status: () => ({ loaded: current !== undefined, commit: current?.commit ?? null, namespaces: current?.namespaces.length ?? 0, checkedAt }),
    snapshot: () => (current ? Promise.resolve(current) : serial(ensureBuilt)),
    refresh: () => serial(refreshNow),
    stop: () => clearInterval(timer),
  };
}
