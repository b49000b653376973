/** A least-recently-used cache of strings, bounded by their total length (UTF-16 code units, ~bytes for JSON). */
export type TextCache = ReturnType<typeof createTextCache>;

export function createTextCache(maxChars: number) {
  const entries = new Map<string, string>();
  let total = 0;
  return {
    get(key: string): string | undefined {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key: string, value: string): void {
      const old = entries.get(key);
      if (old !== undefined) {
        total -= old.length;
        entries.delete(key);
      }
      if (value.length > maxChars / 4) return; // one huge value would evict everything else
      entries.set(key, value);
      total += value.length;
      for (const [k, v] of entries) {
        if (total <= maxChars) break;
        entries.delete(k);
        total -= v.length;
      }
    },
    size: () => entries.size,
    chars: () => total,
  };
}
