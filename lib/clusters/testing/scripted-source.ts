import type { ClusterSource, ListPage, WatchHandlers, WatchHandle } from "../cluster-source";
import type { WatchedKind } from "../kinds";

interface OpenWatch {
  kind: WatchedKind;
  resourceVersion: string;
  handlers: WatchHandlers;
  end(error?: unknown): void;
  ended: boolean;
}

/**
 * A ClusterSource a unit test drives by hand: lists serve `objects`, watches
 * stay open until the test emits events into them or ends them.
 */
export class ScriptedSource implements ClusterSource {
  readonly objects: Partial<Record<WatchedKind, unknown[]>> = {};
  resourceVersion = "100";
  readonly lists: { kind: WatchedKind; continue?: string }[] = [];
  readonly watches: OpenWatch[] = [];
  /** The next list of any kind fails with this, once. */
  failNextList: unknown = null;

  /** Pods readPod answers with, by `namespace/name`. */
  readonly pods = new Map<string, unknown>();

  async readPod(namespace: string, name: string): Promise<unknown> {
    return this.pods.get(`${namespace}/${name}`) ?? null;
  }

  async list(kind: WatchedKind, page: { limit: number; continue?: string }): Promise<ListPage> {
    this.lists.push({ kind, continue: page.continue });
    if (this.failNextList) {
      const error = this.failNextList;
      this.failNextList = null;
      throw error;
    }
    const all = this.objects[kind] ?? [];
    const start = Number(page.continue ?? 0);
    const next = start + page.limit;
    return { items: all.slice(start, next), resourceVersion: this.resourceVersion, continue: next < all.length ? String(next) : null };
  }

  watch(kind: WatchedKind, resourceVersion: string, handlers: WatchHandlers): WatchHandle {
    let end!: (error?: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      end = (error) => {
        open.ended = true;
        if (error) reject(error);
        else resolve();
      };
    });
    const open: OpenWatch = { kind, resourceVersion, handlers, end, ended: false };
    this.watches.push(open);
    queueMicrotask(() => handlers.onOpen());
    return { done, stop: () => end() };
  }

  /** The open watch of a kind (the latest one). */
  current(kind: WatchedKind): OpenWatch {
    const open = this.watches.filter((w) => w.kind === kind && !w.ended).at(-1);
    if (!open) throw new Error(`no open watch of ${kind}`);
    return open;
  }

  emit(kind: WatchedKind, type: string, object: unknown): void {
    this.current(kind).handlers.onEvent({ type, object });
  }
}
