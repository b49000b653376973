import { isExpired, KubeApiError, type ClusterSource, type RawWatchEvent } from "./cluster-source";
import type { ClusterCache, WatchEventType } from "./cluster-cache";
import type { RecordOf, WatchedKind } from "./kinds";
import { summariseObject } from "./summarise-object";

export interface InformerOptions<K extends WatchedKind> {
  source: ClusterSource;
  kind: K;
  cache: Pick<ClusterCache, "replace" | "apply">;
  /** Called on every change of health: after a good list or watch start (ok), and on every failure. */
  onHealth(health: { ok: true } | { ok: false; error: string }): void;
  /** Called after each applied change, for listeners such as "a namespace appeared". */
  onChange?(type: WatchEventType, record: RecordOf[K]): void;
  pageSize?: number;
  /** A watch that outlives this is presumed stuck (the server should have ended it) and is restarted. */
  stallMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface Informer {
  stop(): void;
  /** Full lists made so far: 1 after the first sync, more after each 410 Gone. */
  readonly lists: number;
}

/**
 * Keeps one kind of one cluster in the cache: list (in pages), then watch from
 * the list's resourceVersion, resuming from the last seen resourceVersion
 * after timeouts and errors, and re-listing when the server answers 410 Gone.
 * Failures back off exponentially and never stop it; only stop() does.
 */
export function startInformer<K extends WatchedKind>(options: InformerOptions<K>): Informer {
  const { source, kind, cache } = options;
  const pageSize = options.pageSize ?? 500;
  const stallMs = options.stallMs ?? 300_000;
  const backoff = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
  const sleep = options.sleep ?? abortableSleep;
  const aborter = new AbortController();
  let stopWatch: (() => void) | undefined;
  let lists = 0;

  async function relist(): Promise<string> {
    const records: RecordOf[K][] = [];
    let page = await source.list(kind, { limit: pageSize });
    for (;;) {
      for (const item of page.items) records.push(summariseObject(kind, item));
      if (!page.continue || aborter.signal.aborted) break;
      page = await source.list(kind, { limit: pageSize, continue: page.continue });
    }
    cache.replace(kind, records);
    lists++;
    options.onHealth({ ok: true });
    return page.resourceVersion;
  }

  /** Resolves with the resourceVersion to resume from, or null when the server says to re-list. */
  function watchFrom(resourceVersion: string): Promise<string | null> {
    let latest = resourceVersion;
    let failure: KubeApiError | null = null;
    const onEvent = ({ type, object }: RawWatchEvent) => {
      if (type === "ERROR") {
        const status = object as { code?: number; message?: string };
        failure = new KubeApiError(status.message ?? "watch error", status.code ?? null);
        handle.stop();
        return;
      }
      const version = (object as { metadata?: { resourceVersion?: string } })?.metadata?.resourceVersion;
      if (version) latest = version;
      if (type === "ADDED" || type === "MODIFIED" || type === "DELETED") {
        const record = summariseObject(kind, object);
        cache.apply(kind, type, record);
        options.onChange?.(type, record);
      }
    };
    const handle = source.watch(kind, resourceVersion, { onOpen: () => options.onHealth({ ok: true }), onEvent });
    stopWatch = () => handle.stop();
    let stalled = false;
    const stallTimer = setTimeout(() => {
      stalled = true;
      handle.stop();
    }, stallMs);
    stallTimer.unref?.();
    return handle.done.then(
      () => {
        clearTimeout(stallTimer);
        if (failure && isExpired(failure)) return null;
        if (failure) throw failure;
        if (stalled) throw new KubeApiError(`no end to a watch after ${stallMs / 1000}s; reconnecting`, null);
        return latest;
      },
      (error: unknown) => {
        clearTimeout(stallTimer);
        if (isExpired(error)) return null;
        throw error;
      },
    );
  }

  async function run(): Promise<void> {
    let resourceVersion: string | null = null;
    let failures = 0;
    while (!aborter.signal.aborted) {
      const started = Date.now();
      try {
        resourceVersion ??= await relist();
        resourceVersion = await watchFrom(resourceVersion);
        // A watch that ends at once without error (a proxy closing it, say) must not spin.
        failures = Date.now() - started < 1000 ? failures + 1 : 0;
      } catch (error) {
        if (aborter.signal.aborted) break;
        if (isExpired(error)) resourceVersion = null;
        failures++;
        options.onHealth({ ok: false, error: describe(error) });
      }
      if (failures > 0) await sleep(Math.min(backoff.maxMs, backoff.initialMs * 2 ** (failures - 1)), aborter.signal);
    }
  }

  void run();
  return {
    stop() {
      aborter.abort();
      stopWatch?.();
    },
    get lists() {
      return lists;
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof KubeApiError && error.status) return `${error.status}: ${error.message}`;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    timer.unref?.();
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
