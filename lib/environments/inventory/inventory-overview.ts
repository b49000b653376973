import { latestOrigin, latestVersion, pinStatus } from "../profile/module-version";
import type { PlatformProfile } from "../profile/profile";
import { hasProblemOf, isReviewOverdue } from "./query-inventory";
import type { NamespaceRecord } from "../types";

export interface Count {
  label: string;
  count: number;
}

export interface ModuleSummary {
  module: string;
  uses: number;
  /** Pins older than the catalogue's current version. */
  behind: number;
  /** Pins at the current version. */
  current: number;
  /** Unpinned, ahead, not a plain version, or not in the catalogue. */
  other: number;
  /** Blocks written `count = 0`: not in `uses` or the pin counts. */
  disabled: number;
  currentVersion: string | null;
  /** Where the catalogue's latest version came from and when (module-catalogue.ts); null when not catalogued. */
  latest: ReturnType<typeof latestOrigin>;
}

/** What the managers' overview shows: everything a chart needs, computed in one pass. */
export interface InventoryOverview {
  total: number;
  production: number;
  byBusinessUnit: Count[];
  byCluster: Count[];
  byEnvironment: Count[];
  modules: ModuleSummary[];
  laggingPins: number;
  laggingNamespaces: number;
  overdue: number;
  withProblems: number;
  /** Namespaces with a file that could not be read. */
  withErrors: number;
  /** Namespaces with hygiene warnings (and no errors). */
  withWarnings: number;
  skipApply: number;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function toCounts(map: Map<string, number>): Count[] {
  return [...map].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export function inventoryOverview(namespaces: Iterable<NamespaceRecord>, profile: PlatformProfile, today: string): InventoryOverview {
  const bu = new Map<string, number>();
  const cluster = new Map<string, number>();
  const env = new Map<string, number>();
  const modules = new Map<string, ModuleSummary>();
  const result = { total: 0, production: 0, laggingPins: 0, laggingNamespaces: 0, overdue: 0, withProblems: 0, withErrors: 0, withWarnings: 0, skipApply: 0 };

  for (const ns of namespaces) {
    result.total++;
    if (ns.isProduction) result.production++;
    if (isReviewOverdue(ns, today)) result.overdue++;
    if (ns.problems.length > 0) result.withProblems++;
    if (hasProblemOf(ns, "error")) result.withErrors++;
    else if (ns.problems.length > 0) result.withWarnings++;
    if (ns.skipApply) result.skipApply++;
    bump(bu, ns.businessUnit ?? "(none)");
    bump(cluster, ns.cluster);
    bump(env, ns.environment ?? "(none)");
    let lagging = false;
    for (const use of ns.modules) {
      let summary = modules.get(use.module);
      if (!summary) {
        summary = {
          module: use.module,
          uses: 0,
          behind: 0,
          current: 0,
          other: 0,
          disabled: 0,
          currentVersion: latestVersion(profile, use.module) ?? null,
          latest: latestOrigin(profile, use.module),
        };
        modules.set(use.module, summary);
      }
      if (use.disabled) {
        summary.disabled++;
        continue;
      }
      summary.uses++;
      const status = pinStatus(use, profile);
      if (status === "behind") {
        summary.behind++;
        result.laggingPins++;
        lagging = true;
      } else if (status === "current") summary.current++;
      else summary.other++;
    }
    if (lagging) result.laggingNamespaces++;
  }

  return {
    ...result,
    byBusinessUnit: toCounts(bu),
    byCluster: toCounts(cluster),
    byEnvironment: toCounts(env),
    modules: [...modules.values()].filter((m) => m.uses > 0 || m.disabled > 0).sort((a, b) => b.uses - a.uses || a.module.localeCompare(b.module)),
  };
}
