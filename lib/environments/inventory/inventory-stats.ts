import type { InventoryStats, NamespaceRecord } from "../types";
import { modulesInUse } from "./modules-in-use";

/** Key under which namespaces without a business-unit annotation are counted. */
export const NO_BUSINESS_UNIT = "(none)";

/** Counts namespaces by cluster, business unit and production, and module uses (disabled blocks excluded) by short name. */
export function inventoryStats(namespaces: Iterable<NamespaceRecord>): InventoryStats {
  const stats: InventoryStats = { namespaces: 0, byCluster: {}, byBusinessUnit: {}, production: 0, modules: {} };
  for (const ns of namespaces) {
    stats.namespaces++;
    stats.byCluster[ns.cluster] = (stats.byCluster[ns.cluster] ?? 0) + 1;
    const bu = ns.businessUnit ?? NO_BUSINESS_UNIT;
    stats.byBusinessUnit[bu] = (stats.byBusinessUnit[bu] ?? 0) + 1;
    if (ns.isProduction) stats.production++;
    for (const use of modulesInUse(ns)) stats.modules[use.module] = (stats.modules[use.module] ?? 0) + 1;
  }
  return stats;
}
