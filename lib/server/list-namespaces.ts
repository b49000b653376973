import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { NamespaceRecord } from "@/lib/environments/types";
import { queryInventory, type InventoryPage, type InventoryQuery } from "@/lib/environments/query-inventory";
import { authorize } from "./authorize";
import { isoDate } from "./clock";
import type { InventorySnapshot } from "./inventory-store";
import { namespaceSummary } from "@/lib/clusters/namespace-status";
import { knownWatchers } from "./cluster-health";
import { createTextCache } from "./text-cache";
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

/** A row's state in its cluster; "unknown" while the cluster's data has never been known. */
export interface LiveSummary {
  status: "live" | "missing" | "terminating" | "unknown";
  unhealthyDeployments: number;
}

export interface NamespaceList extends InventoryPage {
  commit: string;
  facets: Facets;
  /** By `cluster/name`, for this page's rows. */
  live: Record<string, LiveSummary>;
}

/** One page of the inventory for a query. Any signed-in member may browse it. */
export async function listNamespaces(viewer: Viewer | null, query: InventoryQuery): Promise<NamespaceList> {
  authorize(viewer, canBrowseInventory(viewer));
  const list = listFrom(await getInventoryStore().snapshot(), viewer, query, isoDate(getClock().now()));
  return { ...list, live: liveSummaries(rowKeys(list)) };
}

function listFrom(snapshot: InventorySnapshot, viewer: Viewer, query: InventoryQuery, today: string): Omit<NamespaceList, "live"> {
  const page = queryInventory(snapshot.namespaces, query, { profile: getProfile(), today, myTeams: viewer.teams });
  return { ...page, commit: snapshot.commit, facets: facetsOf(snapshot) };
}

function rowKeys(list: Pick<NamespaceList, "rows">): string[] {
  return list.rows.map((ns) => `${ns.cluster}/${ns.name}`);
}

/** Each row's state in its cluster, from the cluster caches (never cached with the page: it changes by the second). */
function liveSummaries(keys: string[]): Record<string, LiveSummary> {
  const caches = new Map(knownWatchers().map((w) => [w.name, w.cache]));
  const live: Record<string, LiveSummary> = {};
  for (const key of keys) {
    const [cluster, name] = key.split("/") as [string, string];
    const cache = caches.get(cluster);
    live[key] = cache ? namespaceSummary(cache, name) : { status: "unknown", unhealthyDeployments: 0 };
  }
  return live;
}

// Note: one per process (on globalThis: routes are bundled apart); 32 M
// characters bounds it whatever pages are asked for.
const shared = globalThis as typeof globalThis & { berthInventoryJson?: ReturnType<typeof createTextCache> };

/**
 * listNamespaces as the API's JSON text. An index snapshot never changes, so
 * the same query on the same commit on the same day gives the same answer:
 * it is serialised once and kept (authorization is still checked on every
 * call). Only `mine` depends on the viewer, through their teams. The rows'
 * live status changes by the second, so it is added to the kept text on
 * every call.
 */
export async function listNamespacesJson(viewer: Viewer | null, query: InventoryQuery): Promise<string> {
  authorize(viewer, canBrowseInventory(viewer));
  const snapshot = await getInventoryStore().snapshot();
  const today = isoDate(getClock().now());
  const key = JSON.stringify([snapshot.commit, today, query, query.mine ? [...viewer.teams].sort() : null]);
  const cache = (shared.berthInventoryJson ??= createTextCache(32 * 1024 * 1024));
  let json = cache.get(key);
  let keys = cache.get(`${key}\u0000rows`);
  if (json === undefined || keys === undefined) {
    const list = listFrom(snapshot, viewer, query, today);
    json = JSON.stringify(list);
    keys = JSON.stringify(rowKeys(list));
    cache.set(key, json);
    cache.set(`${key}\u0000rows`, keys);
  }
  return `${json.slice(0, -1)},"live":${JSON.stringify(liveSummaries(JSON.parse(keys) as string[]))}}`;
}
