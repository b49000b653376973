/**
 * Plausible earlier releases of a module version, nearest first:
 * `5.1.2` -> `5.1.1`, `5.1.0`, `5.0.0`, `4.0.0`. A version that is not
 * `major.minor.patch` has none, so it is always pinned as given.
 */
export function olderVersions(current: string): string[] {
  const match = /^(v?)(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (!match) return [];
  const [, v, ...parts] = match;
  const [major, minor, patch] = parts.map(Number) as [number, number, number];
  const out: string[] = [];
  if (patch > 0) out.push(`${v}${major}.${minor}.${patch - 1}`);
  if (patch > 1) out.push(`${v}${major}.${minor}.0`);
  if (minor > 0) out.push(`${v}${major}.${minor - 1}.0`);
  if (minor > 1) out.push(`${v}${major}.0.0`);
  if (major > 1) out.push(`${v}${major - 1}.0.0`);
  return out;
}
