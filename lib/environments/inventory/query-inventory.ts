import { z } from "zod";
import { compareVersions, pinStatus } from "../profile/module-version";
import type { PlatformProfile } from "../profile/profile";
import type { NamespaceRecord, ProblemSeverity } from "../types";
import { modulesInUse } from "./modules-in-use";

export const SORT_KEYS = ["name", "cluster", "businessUnit", "environment", "application", "teams", "reviewAfter", "modules", "status", "unhealthy"] as const;
export const FLAGS = ["overdue", "lagging", "problems", "errors", "warnings", "skip-apply", "unhealthy"] as const;
/** A namespace's state in its cluster, as the status column shows it. */
export const LIVE_STATUSES = ["live", "missing", "terminating", "unknown"] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];
/** Sort keys read from the clusters rather than the index: they change by the second. */
const LIVE_SORT_KEYS: readonly SortKey[] = ["status", "unhealthy"];
export type SortKey = (typeof SORT_KEYS)[number];
export type Flag = (typeof FLAGS)[number];

/** A free-text filter; longer than any real value (the form's inputs stop at 200 characters): no filter, not an error. */
const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .catch(undefined)
  .transform((v) => (v ? v : undefined));

/**
 * The inventory's filters, sort and page: parsed once from a URL's search
 * parameters, so the page, the JSON API and the CSV export agree, and a view
 * can be shared as a link. Unknown parameters are ignored; bad values fall
 * back to defaults rather than failing a page.
 */
export const inventoryQuerySchema = z.object({
  q: optionalText,
  cluster: optionalText,
  businessUnit: optionalText,
  environment: optionalText,
  team: optionalText,
  module: optionalText,
  /** With `module`: only namespaces with an enabled block of that module pinned below this version. */
  below: z
    .string()
    .trim()
    .regex(/^v?\d+(\.\d+)*$/)
    .optional()
    .catch(undefined),
  /** Only namespaces with an aws provider (resources/main.tf) whose default tags lack this key. */
  missingTag: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:/=+@-]{1,128}$/)
    .optional()
    .catch(undefined),
  production: z.enum(["true", "false"]).optional().catch(undefined),
  /** Only namespaces owned by one of the viewer's teams. */
  mine: z.enum(["true"]).optional().catch(undefined),
  flag: z.enum(FLAGS).optional().catch(undefined),
  /** The namespace's state in its cluster. */
  status: z.enum(LIVE_STATUSES).optional().catch(undefined),
  sort: z.enum(SORT_KEYS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50).catch(50),
});

export type InventoryQuery = z.infer<typeof inventoryQuerySchema>;

/** Parses URL search parameters (or a Next searchParams object) into a query. */
export function parseInventoryQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): InventoryQuery {
  const entries =
    params instanceof URLSearchParams
      ? [...params.keys()].map((k) => [k, params.get(k) ?? undefined] as const)
      : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  return inventoryQuerySchema.parse(Object.fromEntries(entries));
}

/** The query as URL search parameters, leaving out defaults; `overrides` replace or (undefined) remove keys. */
export function inventoryQueryString(
  query: Partial<InventoryQuery>,
  overrides: Partial<Record<keyof InventoryQuery, string | number | undefined>> = {},
): string {
  const merged: Record<string, unknown> = { ...query, ...overrides };
  const defaults: Record<string, unknown> = { sort: "name", dir: "asc", page: 1, pageSize: 50 };
  const params = new URLSearchParams();
  for (const key of Object.keys(inventoryQuerySchema.shape)) {
    const value = merged[key];
    if (value === undefined || value === null || value === "" || defaults[key] === value) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export interface QueryContext {
  profile: PlatformProfile;
  /** Today as YYYY-MM-DD, for the overdue review-after flag. */
  today: string;
  /** The viewer's teams, for `mine`. */
  myTeams?: readonly string[];
  /** Each namespace's state in its cluster, for the status filter, the unhealthy flag and their sorts; without it every one is unknown. */
  liveOf?: (ns: NamespaceRecord) => { status: LiveStatus; unhealthyDeployments: number };
}

const UNKNOWN_LIVE = { status: "unknown", unhealthyDeployments: 0 } as const;

/** Whether a query reads the clusters (so its answer cannot be kept with the index snapshot). */
export function queryReadsClusters(query: InventoryQuery): boolean {
  return query.status !== undefined || query.flag === "unhealthy" || LIVE_SORT_KEYS.includes(query.sort);
}

export interface InventoryPage {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  rows: NamespaceRecord[];
  /** Counts by business unit over every matching namespace (not only this page). */
  countsByBusinessUnit: Record<string, number>;
}

export function isReviewOverdue(ns: NamespaceRecord, today: string): boolean {
  return ns.reviewAfter !== null && /^\d{4}-\d{2}-\d{2}/.test(ns.reviewAfter) && ns.reviewAfter.slice(0, 10) < today;
}

/** Whether the namespace has a problem of that severity. */
export function hasProblemOf(ns: Pick<NamespaceRecord, "problems">, severity: ProblemSeverity): boolean {
  return ns.problems.some((p) => p.severity === severity);
}

const laggingPins = new WeakMap<PlatformProfile, WeakMap<NamespaceRecord, Map<string, boolean>>>();

/** Whether any enabled module pin (or, given `module`, that module's pin) is behind the catalogue. Kept per record and profile, both immutable. */
export function hasLaggingPin(ns: NamespaceRecord, profile: PlatformProfile, module?: string): boolean {
  let byRecord = laggingPins.get(profile);
  if (!byRecord) laggingPins.set(profile, (byRecord = new WeakMap()));
  let byModule = byRecord.get(ns);
  if (!byModule) byRecord.set(ns, (byModule = new Map()));
  const key = module ?? "";
  let lagging = byModule.get(key);
  if (lagging === undefined) {
    lagging = modulesInUse(ns).some((m) => (module === undefined || m.module === module) && pinStatus(m, profile) === "behind");
    byModule.set(key, lagging);
  }
  return lagging;
}

/** Whether an enabled block of `module` is pinned below `version` (a pin that is not a version is not below anything). */
export function hasPinBelow(ns: NamespaceRecord, module: string, version: string): boolean {
  return modulesInUse(ns).some((m) => m.module === module && m.ref !== null && (compareVersions(m.ref, version) ?? 0) < 0);
}

/** Whether an aws provider of resources/main.tf lacks the default tag (one whose tags are an expression is not known to). */
export function lacksDefaultTag(ns: NamespaceRecord, tag: string): boolean {
  return (ns.awsProviders ?? []).some((p) => p.tags !== null && !p.tags.includes(tag));
}

function matchesFlag(ns: NamespaceRecord, flag: Flag, query: InventoryQuery, ctx: QueryContext): boolean {
  switch (flag) {
    case "overdue":
      return isReviewOverdue(ns, ctx.today);
    case "lagging":
      return hasLaggingPin(ns, ctx.profile, query.module);
    case "problems":
      return ns.problems.length > 0;
    case "errors":
      return hasProblemOf(ns, "error");
    case "warnings":
      return !hasProblemOf(ns, "error") && hasProblemOf(ns, "warning");
    case "skip-apply":
      return ns.skipApply;
    case "unhealthy":
      return (ctx.liveOf?.(ns) ?? UNKNOWN_LIVE).unhealthyDeployments > 0;
  }
}

function matches(ns: NamespaceRecord, query: InventoryQuery, ctx: QueryContext): boolean {
  if (query.cluster !== undefined && ns.cluster !== query.cluster) return false;
  if (query.businessUnit !== undefined && ns.businessUnit !== query.businessUnit) return false;
  if (query.environment !== undefined && ns.environment !== query.environment) return false;
  if (query.production !== undefined && ns.isProduction !== (query.production === "true")) return false;
  if (query.team !== undefined && !ns.teams.includes(query.team)) return false;
  if (query.mine !== undefined && !ns.teams.some((t) => ctx.myTeams?.includes(t))) return false;
  if (query.module !== undefined && !modulesInUse(ns).some((m) => m.module === query.module)) return false;
  if (query.module !== undefined && query.below !== undefined && !hasPinBelow(ns, query.module, query.below)) return false;
  if (query.missingTag !== undefined && !lacksDefaultTag(ns, query.missingTag)) return false;
  if (query.status !== undefined && (ctx.liveOf?.(ns) ?? UNKNOWN_LIVE).status !== query.status) return false;
  if (query.flag !== undefined && !matchesFlag(ns, query.flag, query, ctx)) return false;
  // A needle with a line break matches no single field (the fields hold none).
  if (query.q !== undefined && (query.q.includes("\n") || !searchText(ns).includes(query.q.toLowerCase()))) return false;
  return true;
}

// Note: records are immutable once indexed (a re-index makes new ones), so
// what every query would recompute per record is computed once and kept
// while the record lives.
const searchTexts = new WeakMap<NamespaceRecord, string>();

/** The fields `q` searches, lower-cased, one per line (a needle never spans two: it is one line of user text). */
function searchText(ns: NamespaceRecord): string {
  let text = searchTexts.get(ns);
  if (text === undefined) {
    text = [ns.name, ns.application ?? "", ns.owner ?? "", ...ns.teams].map((h) => h.replace(/\n/g, " ").toLowerCase()).join("\n");
    searchTexts.set(ns, text);
  }
  return text;
}

/** Null sorts last in either direction: a namespace without a review-after date (or status) is not the most urgent nor the least. */
function sortValue(ns: NamespaceRecord, key: SortKey, ctx: Pick<QueryContext, "liveOf">): string | number | null {
  switch (key) {
    case "status":
      return LIVE_STATUSES.indexOf((ctx.liveOf?.(ns) ?? UNKNOWN_LIVE).status);
    case "unhealthy":
      return (ctx.liveOf?.(ns) ?? UNKNOWN_LIVE).unhealthyDeployments;
    case "reviewAfter":
      return ns.reviewAfter ? ns.reviewAfter.toLowerCase() : null;
    case "teams":
      return ns.teams.join(",");
    case "modules":
      return modulesInUse(ns).length;
    default:
      return (ns[key] ?? "").toLowerCase();
  }
}

function compareLocation(a: NamespaceRecord, b: NamespaceRecord): number {
  if (a.cluster !== b.cluster) return a.cluster < b.cluster ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

const sortedOrders = new WeakMap<readonly NamespaceRecord[], Map<string, NamespaceRecord[]>>();

function sortAll(namespaces: Iterable<NamespaceRecord>, sort: SortKey, dir: "asc" | "desc", ctx: Pick<QueryContext, "liveOf"> = {}): NamespaceRecord[] {
  const sign = dir === "desc" ? -1 : 1;
  const keyed = [...namespaces].map((ns) => ({ ns, key: sortValue(ns, sort, ctx) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? compareLocation(a.ns, b.ns) : a.key === null ? 1 : -1;
    return a.key < b.key ? -sign : a.key > b.key ? sign : compareLocation(a.ns, b.ns);
  });
  return keyed.map((k) => k.ns);
}

/**
 * The whole inventory in one sort order. An index snapshot's array never
 * changes, so each of its orders is sorted once and kept with it; filtering
 * a sorted list keeps it sorted.
 */
function sorted(namespaces: Iterable<NamespaceRecord>, sort: SortKey, dir: "asc" | "desc"): NamespaceRecord[] {
  if (!Array.isArray(namespaces)) return sortAll(namespaces, sort, dir);
  let orders = sortedOrders.get(namespaces);
  if (!orders) sortedOrders.set(namespaces, (orders = new Map()));
  let order = orders.get(`${sort} ${dir}`);
  if (!order) orders.set(`${sort} ${dir}`, (order = sortAll(namespaces, sort, dir)));
  return order;
}

/** Filters, sorts and pages the inventory. Pure; ties break on cluster then name so pages are stable. */
export function queryInventory(namespaces: Iterable<NamespaceRecord>, query: InventoryQuery, ctx: QueryContext): InventoryPage {
  const matched: NamespaceRecord[] = [];
  const countsByBusinessUnit: Record<string, number> = {};
  const order = LIVE_SORT_KEYS.includes(query.sort) ? sortAll(namespaces, query.sort, query.dir, ctx) : sorted(namespaces, query.sort, query.dir);
  for (const ns of order) {
    if (!matches(ns, query, ctx)) continue;
    matched.push(ns);
    const bu = ns.businessUnit ?? "(none)";
    countsByBusinessUnit[bu] = (countsByBusinessUnit[bu] ?? 0) + 1;
  }
  const pages = Math.max(1, Math.ceil(matched.length / query.pageSize));
  const page = Math.min(query.page, pages);
  const start = (page - 1) * query.pageSize;
  return {
    total: matched.length,
    page,
    pageSize: query.pageSize,
    pages,
    rows: matched.slice(start, start + query.pageSize),
    countsByBusinessUnit,
  };
}
