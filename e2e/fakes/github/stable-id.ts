/**
 * A positive 31-bit id derived from a name (FNV-1a), so a team or user keeps
 * the same id however many parallel tests create things, with no shared
 * counter.
 */
export function stableId(kind: string, name: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${kind}:${name}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 1 || 1;
}
