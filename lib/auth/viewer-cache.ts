import type { Viewer } from "./viewer";

export interface ViewerCacheOptions {
  /** How long a loaded viewer is used without reading the session again. */
  freshMs: number;
  /** How old a viewer may be and still be used when the session store fails. */
  staleMs: number;
  max: number;
  now: () => number;
  onStale?: (sessionId: string, error: unknown) => void;
}

/**
 * Viewers by session id, in this process. Note: this is a trade-off, taken
 * on purpose: a session deleted elsewhere (signed out on another replica,
 * removed from the organisation) keeps working here for at most `freshMs`,
 * and, while the database is down, for at most `staleMs`, so signed-in pages
 * and the inventory keep answering through a database restart. Sign-out on
 * this replica forgets the session at once; forced reloads (refresh my teams)
 * always read the store.
 */
export type ViewerCache = ReturnType<typeof createViewerCache>;

export function createViewerCache(options: ViewerCacheOptions) {
  const entries = new Map<string, { viewer: Viewer | null; at: number }>();

  function put(sessionId: string, viewer: Viewer | null): void {
    entries.delete(sessionId);
    if (entries.size >= options.max) entries.delete(entries.keys().next().value!);
    entries.set(sessionId, { viewer, at: options.now() });
  }

  return {
    async load(sessionId: string, loader: () => Promise<Viewer | null>, force = false): Promise<Viewer | null> {
      const entry = entries.get(sessionId);
      if (!force && entry && options.now() - entry.at < options.freshMs) return entry.viewer;
      try {
        const viewer = await loader();
        put(sessionId, viewer);
        return viewer;
      } catch (error) {
        if (entry?.viewer && options.now() - entry.at < options.staleMs) {
          options.onStale?.(sessionId, error);
          return entry.viewer;
        }
        throw error;
      }
    },
    forget(sessionId: string): void {
      entries.delete(sessionId);
    },
    size: () => entries.size,
  };
}
