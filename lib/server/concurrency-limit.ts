/** At most `max` things at once per key (open log streams per user). */
export interface ConcurrencyLimit {
  /** A release function when a slot was free (call it once, when the thing ends); null when the key holds `max`. */
  acquire(key: string): (() => void) | null;
  held(key: string): number;
}

/** In-process counts: like the rate limits, each replica counts on its own. */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  const counts = new Map<string, number>();
  return {
    acquire(key) {
      const count = counts.get(key) ?? 0;
      if (count >= max) return null;
      counts.set(key, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (counts.get(key) ?? 1) - 1;
        if (left === 0) counts.delete(key);
        else counts.set(key, left);
      };
    },
    held: (key) => counts.get(key) ?? 0,
  };
}
