import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { NamespaceRecord } from "@/lib/environments/types";
import { modulesInUse } from "@/lib/environments/inventory/modules-in-use";
import { queryInventory, queryReadsClusters, type InventoryPage, type InventoryQuery, type LiveStatus } from "@/lib/environments/inventory/query-inventory";
import { authorize } from "./authorize";
import { isoDate } from "./clock";
import type { InventorySnapshot } from "./inventory-store";
import { namespaceSummary } from "@/lib/clusters/namespace-status";
import { clusterHealth, knownWatchers, type Clusters } from "./cluster-health";
import type { Services } from "./services";

/** The values each filter can take, from what the inventory holds. */
export interface Facets {
  clusters: string[];
  businessUnits: string[];
  environments: string[];
  teams: string[];
  modules: string[];
  /** Every default tag key some namespace's aws provider carries (the missing-tag filter's choices). */
  tags: string[];
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
      modules: distinct(all, (ns) => modulesInUse(ns).map((m) => m.module)),
      tags: distinct(all, (ns) => (ns.awsProviders ?? []).flatMap((p) => p.tags ?? [])),
    };
    facetCache.set(snapshot, facets);
  }
  return facets;
}

/** A row's state in its cluster; "unknown" while the cluster's data has never been known. */
export interface LiveSummary {
  status: LiveStatus;
  unhealthyDeployments: number;
  /** Why the status is unknown, when Berth knows: "not configured" for a cluster it has no credentials for. */
  reason?: string;
}

export interface NamespaceList extends InventoryPage {
  commit: string;
  facets: Facets;
  /** Today (YYYY-MM-DD) as the query saw it: review-after dates before it are overdue. */
  today: string;
  /** By `cluster/name`, for this page's rows. */
  live: Record<string, LiveSummary>;
}

export type ListDeps = Pick<Services, "inventory" | "profile" | "clock" | "clusters">;

/** One page of the inventory for a query. Any signed-in member may browse it. */
export async function listNamespaces(deps: ListDeps, viewer: Viewer | null, query: InventoryQuery): Promise<NamespaceList> {
  authorize(viewer, canBrowseInventory(viewer));
  const list = listFrom(deps, await deps.inventory.snapshot(), viewer, query, isoDate(deps.clock.now()));
  return { ...list, live: liveSummaries(deps, rowKeys(list)) };
}

function listFrom(
  deps: Pick<Services, "profile" | "clusters">,
  snapshot: InventorySnapshot,
  viewer: Viewer,
  query: InventoryQuery,
  today: string,
): Omit<NamespaceList, "live"> {
  const page = queryInventory(snapshot.namespaces, query, { profile: deps.profile, today, myTeams: viewer.teams, liveOf: liveLookup(deps) });
  // Note: each provider's default tags are for the missing-tag filter and the default-tags edit, not a column; left
  // out, the default page's JSON stays under V8's 128 KB large-object size, which every answer copies (npm run load).
  const rows = page.rows.map((row) => ({ ...row, awsProviders: undefined }));
  return { ...page, rows, commit: snapshot.commit, facets: facetsOf(snapshot), today };
}

/** Each namespace's state in its cluster, read from the caches as asked (a filter on status reads every namespace). */
export function liveLookup(deps: Pick<Services, "profile" | "clusters">): (ns: Pick<NamespaceRecord, "cluster" | "name">) => LiveSummary {
  const caches = new Map(knownWatchers(deps.clusters).map((w) => [w.name, w.cache]));
  const notConfigured = new Set(
    clusterHealth(deps)
      .filter((h) => h.state === "not_configured")
      .map((h) => h.cluster),
  );
  return (ns) => {
    const cache = caches.get(ns.cluster);
    if (cache) return namespaceSummary(cache, ns.name);
    return notConfigured.has(ns.cluster)
      ? { status: "unknown", unhealthyDeployments: 0, reason: "not configured" }
      : { status: "unknown", unhealthyDeployments: 0 };
  };
}

function rowKeys(list: Pick<NamespaceList, "rows">): string[] {
  return list.rows.map((ns) => `${ns.cluster}/${ns.name}`);
}

/** Each row's state in its cluster, from the cluster caches (never cached with the page: it changes by the second). */
export function liveSummaries(deps: { profile: Services["profile"]; clusters: Clusters }, keys: string[]): Record<string, LiveSummary> {
  const liveOf = liveLookup(deps);
  const live: Record<string, LiveSummary> = {};
  for (const key of keys) {
    const [cluster, name] = key.split("/") as [string, string];
    live[key] = liveOf({ cluster, name });
  }
  return live;
}

/**
 * listNamespaces as the API's JSON text. An index snapshot never changes, so
 * the same query on the same commit on the same day gives the same answer:
 * it is serialised once and kept (authorization is still checked on every
 * call). Only `mine` depends on the viewer, through their teams. The rows'
 * live status changes by the second, so it is added to the kept text on
 * every call. The kept texts are bounded (Services.inventoryJson).
 */
export async function listNamespacesJson(deps: ListDeps & Pick<Services, "inventoryJson">, viewer: Viewer | null, query: InventoryQuery): Promise<string> {
  authorize(viewer, canBrowseInventory(viewer));
  const snapshot = await deps.inventory.snapshot();
  const today = isoDate(deps.clock.now());
  const key = JSON.stringify([snapshot.commit, today, query, query.mine ? [...viewer.teams].sort() : null]);
  const cache = deps.inventoryJson;
  // A query on cluster status reads the clusters, so its answer is never kept.
  const keep = !queryReadsClusters(query);
  let json = keep ? cache.get(key) : undefined;
  let keys = keep ? cache.get(`${key}\u0000rows`) : undefined;
  if (json === undefined || keys === undefined) {
    const list = listFrom(deps, snapshot, viewer, query, today);
    json = JSON.stringify(list);
    keys = JSON.stringify(rowKeys(list));
    if (keep) {
      cache.set(key, json);
      cache.set(`${key}\u0000rows`, keys);
    }
  }
  return `${json.slice(0, -1)},"live":${JSON.stringify(liveSummaries(deps, JSON.parse(keys) as string[]))}}`;
}
