import type { WatchedKind } from "./kinds";

/**
 * How Berth reads one cluster: paged lists and watches of a kind, cluster-
 * wide, with the objects exactly as the API server sends them. The real one
 * talks to an API server through @kubernetes/client-node; unit tests pass a
 * scripted one.
 */
export interface ClusterSource {
  list(kind: WatchedKind, page: { limit: number; continue?: string }): Promise<ListPage>;
  /** Starts a watch from a resourceVersion; events arrive in order until the stream ends or `stop()`. */
  watch(kind: WatchedKind, resourceVersion: string, handlers: WatchHandlers): WatchHandle;
  /** One Pod as the API server has it now (a GET, never cached); null when it does not exist. */
  readPod(namespace: string, name: string): Promise<unknown>;
}

export interface ListPage {
  items: unknown[];
  resourceVersion: string;
  continue: string | null;
}

export interface RawWatchEvent {
  type: string;
  object: unknown;
}

export interface WatchHandlers {
  /** The server accepted the watch (HTTP 200); events may follow. */
  onOpen(): void;
  onEvent(event: RawWatchEvent): void;
}

export interface WatchHandle {
  /** Settles when the stream ends: resolved when the server closed it cleanly, rejected on errors. */
  done: Promise<void>;
  stop(): void;
}

/** An answer from the API server that was not a success; `status` is the HTTP status (or a watch ERROR's code). */
export class KubeApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "KubeApiError";
  }
}

/**
 * By name, not `instanceof`: Next bundles pages and routes apart, and the
 * services (with their cluster clients) are made once by whichever bundle
 * asked first, so an error thrown there is another bundle's KubeApiError.
 */
export function isKubeApiError(error: unknown): error is KubeApiError {
  return error instanceof Error && error.name === "KubeApiError" && "status" in error;
}

/** 410 Gone: the resourceVersion (or a list's continue token) is older than the server keeps; re-list. */
export function isExpired(error: unknown): boolean {
  return error instanceof KubeApiError && error.status === 410;
}
