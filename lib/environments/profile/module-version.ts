import { interfaceLag, LATEST_SOURCE_LABELS, type LatestSource } from "./module-catalogue";
import type { PlatformProfile } from "./profile";
import type { ModuleUse } from "../types";

/** How a module pin compares with the profile's catalogue. */
export type PinStatus = "current" | "behind" | "ahead" | "unpinned" | "uncatalogued" | "unknown";

function parts(version: string): number[] | null {
  const match = /^v?(\d+(?:\.\d+)*)$/.exec(version.trim());
  return match ? match[1]!.split(".").map(Number) : null;
}

/** Numeric dotted-version comparison (`v` prefix allowed); null when either side is not a plain version. */
export function compareVersions(a: string, b: string): number | null {
  const pa = parts(a);
  const pb = parts(b);
  if (!pa || !pb) return null;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Whether moving a pin from `from` to `to` goes up to a new major version (4.0.0 -> 5.1.2); false for anything not a plain version. */
export function isMajorBump(from: string, to: string): boolean {
  const before = parts(from);
  const after = parts(to);
  return before !== null && after !== null && compareVersions(to, from) === 1 && before[0] !== after[0];
}

/** The catalogue's latest version of a module (its short name), or undefined when the module is not catalogued. */
export function latestVersion(profile: Pick<PlatformProfile, "modules">, module: string): string | undefined {
  return Object.hasOwn(profile.modules, module) ? profile.modules[module]!.latest : undefined;
}

/** Where a module's latest version came from and when, with a note when its interface is older; null when not catalogued. */
export function latestOrigin(
  profile: Pick<PlatformProfile, "modules">,
  module: string,
): { version: string; from: LatestSource; fromLabel: string; at: string | null; note: string | null } | null {
  const version = latestVersion(profile, module);
  if (version === undefined) return null;
  const entry = profile.modules[module]!;
  return { version, from: entry.latestFrom, fromLabel: LATEST_SOURCE_LABELS[entry.latestFrom], at: entry.latestAt ?? null, note: interfaceLag(entry) };
}

/** Every catalogued module's latest version: short name -> version, through latestVersion(). */
export function latestVersions(profile: Pick<PlatformProfile, "modules">): Record<string, string> {
  return Object.fromEntries(Object.keys(profile.modules).map((module) => [module, latestVersion(profile, module)!]));
}

export function pinStatus(use: Pick<ModuleUse, "module" | "ref">, profile: PlatformProfile): PinStatus {
  const current = latestVersion(profile, use.module);
  if (current === undefined) return "uncatalogued";
  if (use.ref === null) return "unpinned";
  const order = compareVersions(use.ref, current);
  if (order === null) return "unknown";
  return order < 0 ? "behind" : order > 0 ? "ahead" : "current";
}
