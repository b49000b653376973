"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, type FormEvent } from "react";
import { FilterSelect } from "@/components/ui/filter-select";
import type { InventoryQuery } from "@/lib/environments/inventory/query-inventory";

export interface FilterOptions {
  clusters: string[];
  businessUnits: string[];
  environments: string[];
  teams: string[];
  modules: string[];
  tags: string[];
}

const FLAG_LABELS: Record<string, string> = {
  overdue: "Review overdue",
  lagging: "Module pins behind",
  problems: "Has problems",
  errors: "Has unreadable files",
  warnings: "Has warnings only",
  "skip-apply": "Skipped by apply pipeline",
  unhealthy: "Has unhealthy deployments",
};

const STATUS_LABELS: Record<string, string> = {
  live: "Live",
  missing: "Missing from cluster",
  terminating: "Terminating",
  unknown: "Unknown",
};

/** The filters' longest text: the server reads at most this many characters of a filter. */
export const FILTER_MAX_LENGTH = 200;
const FILTERS = ["q", "cluster", "businessUnit", "environment", "production", "team", "module", "below", "missingTag", "flag", "status", "mine"] as const;

/**
 * Submits the form as the plain GET would, leaving out the filters set to "Any" (so the URL holds no empty
 * parameters) and the page (new filters start on page 1), through the router so the page is not reloaded.
 */
function submitWithoutEmpty(event: FormEvent<HTMLFormElement>, push: (href: string) => void): void {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value.trim() !== "") params.append(key, value);
  const text = params.toString();
  push(`/namespaces${text ? `?${text}` : ""}`);
}

const plain = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/**
 * A GET form: filters live in the URL, so a view can be shared and works without JavaScript. Its fields
 * start from the URL's query; the page keys it by that query, so after a chip, back, forward or
 * "Clear filters" the form is made again from the new URL and never submits a filter the URL lost.
 * On a phone the panel starts folded (open without JavaScript).
 */
export function FilterForm({ query, options }: { query: InventoryQuery; options: FilterOptions }) {
  const router = useRouter();
  const panel = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (panel.current && window.matchMedia("(max-width: 639px)").matches) panel.current.open = false;
  }, []);
  const active = FILTERS.filter((key) => query[key] !== undefined).length;
  return (
    <details ref={panel} open className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <summary className="cursor-pointer px-4 py-2 text-sm font-semibold">Filters{active > 0 ? ` (${active} active)` : ""}</summary>
      <form
        method="get"
        action="/namespaces"
        role="search"
        aria-label="Filter namespaces"
        className="px-4 pb-4"
        onSubmit={(event) => submitWithoutEmpty(event, (href) => router.push(href))}
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div className="flex flex-col gap-1 sm:col-span-2">
            <label htmlFor="filter-q" className="text-sm font-medium">
              Search
            </label>
            <input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={query.q ?? ""}
              maxLength={FILTER_MAX_LENGTH}
              aria-describedby="filter-q-hint"
              className="rounded border border-slate-500 px-2 py-1.5 text-sm"
            />
            <span id="filter-q-hint" className="text-xs text-slate-700">
              Name, application, team or owner
            </span>
          </div>
          <FilterSelect name="cluster" label="Cluster" value={query.cluster} options={plain(options.clusters)} />
          <FilterSelect name="businessUnit" label="Business unit" value={query.businessUnit} options={plain(options.businessUnits)} />
          <FilterSelect name="environment" label="Environment" value={query.environment} options={plain(options.environments)} />
          <FilterSelect
            name="production"
            label="Production"
            value={query.production}
            options={[
              { value: "true", label: "Production" },
              { value: "false", label: "Non-production" },
            ]}
          />
          <FilterSelect name="team" label="Team" value={query.team} options={plain(options.teams)} />
          <FilterSelect name="module" label="Module" value={query.module} options={plain(options.modules)} />
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-below" className="text-sm font-medium">
              Module pinned below
            </label>
            <input
              id="filter-below"
              name="below"
              type="text"
              inputMode="decimal"
              defaultValue={query.below ?? ""}
              maxLength={64}
              aria-describedby="filter-below-hint"
              className="rounded border border-slate-500 px-2 py-1.5 text-sm"
            />
            <span id="filter-below-hint" className="text-xs text-slate-700">
              A version, e.g. 9.2.0; with a module chosen
            </span>
          </div>
          <FilterSelect name="missingTag" label="Missing default tag" value={query.missingTag} options={plain(options.tags)} />
          <FilterSelect
            name="status"
            label="Cluster status"
            value={query.status}
            options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <FilterSelect name="flag" label="Flag" value={query.flag} options={Object.entries(FLAG_LABELS).map(([value, label]) => ({ value, label }))} />
          <div className="flex items-center gap-2 self-end py-1.5">
            <input id="filter-mine" name="mine" type="checkbox" value="true" defaultChecked={query.mine === "true"} className="h-5 w-5" />
            <label htmlFor="filter-mine" className="text-sm font-medium">
              Only my teams&apos; namespaces
            </label>
          </div>
        </div>
        {query.sort !== "name" && <input type="hidden" name="sort" value={query.sort} />}
        {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
        {query.pageSize !== 50 && <input type="hidden" name="pageSize" value={query.pageSize} />}
        <div className="mt-4 flex gap-3">
          <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
            Apply filters
          </button>
          <Link href="/namespaces" className="rounded px-4 py-2 text-sm text-blue-800 underline">
            Clear filters
          </Link>
        </div>
      </form>
    </details>
  );
}
