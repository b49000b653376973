import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { NamespaceRecord } from "@/lib/environments/types";
import { queryInventory, type InventoryPage, type InventoryQuery } from "@/lib/environments/query-inventory";
import { authorize } from "./authorize";
import { isoDate } from "./clock";
import type { InventorySnapshot } from "./inventory-store";
import { getClock, getInventoryStore, getProfile } from "./wiring";

/** The values each filter can take, from what the inventory holds. */
export interface Facets {
  clusters: string[];
  businessUnits: string[];
  environments: string[];
  teams: string[];
  modules: string[];
}

const facetCache = new WeakMap<InventorySnapshot, Facets>();

function distinct(namespaces: NamespaceRecord[], pick: (ns: NamespaceRecord) => Iterable<string | null>): string[] {
  const set = new Set<string>();
  for (const ns of namespaces) for (const v of pick(ns)) if (v) set.add(v);
  return [...set].sort((a, b) => a.localeCompare(b));
}

export function facetsOf(snapshot: InventorySnapshot): Facets {
  let facets = facetCache.get(snapshot);
  if (!facets) {
    const all = snapshot.namespaces;
    facets = {
      clusters: distinct(all, (ns) => [ns.cluster]),
      businessUnits: distinct(all, (ns) => [ns.businessUnit]),
      environments: distinct(all, (ns) => [ns.environment]),
      teams: distinct(all, (ns) => ns.teams),
      modules: distinct(all, (ns) => ns.modules.map((m) => m.module)),
    };
    facetCache.set(snapshot, facets);
  }
  return facets;
}

export interface NamespaceList extends InventoryPage {
  commit: string;
  facets: Facets;
}

/** One page of the inventory for a query. Any signed-in member may browse it. */
export async function listNamespaces(viewer: Viewer | null, query: InventoryQuery): Promise<NamespaceList> {
  authorize(viewer, canBrowseInventory(viewer));
  const snapshot = await getInventoryStore().snapshot();
  const page = queryInventory(snapshot.namespaces, query, { profile: getProfile(), today: isoDate(getClock().now()), myTeams: viewer.teams });
  return { ...page, commit: snapshot.commit, facets: facetsOf(snapshot) };
}
