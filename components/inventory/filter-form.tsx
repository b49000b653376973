import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import type { InventoryQuery } from "@/lib/environments/inventory/query-inventory";

export interface FilterOptions {
  clusters: string[];
  businessUnits: string[];
  environments: string[];
  teams: string[];
  modules: string[];
}

const FLAG_LABELS: Record<string, string> = {
  overdue: "Review overdue",
  lagging: "Module pins behind",
  problems: "Has problems",
  errors: "Has unreadable files",
  warnings: "Has warnings only",
  "skip-apply": "Skipped by apply pipeline",
};

const plain = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/** A plain GET form: filters live in the URL, so a view can be shared and works without JavaScript. */
export function FilterForm({ query, options }: { query: InventoryQuery; options: FilterOptions }) {
  return (
    <form method="get" action="/namespaces" role="search" aria-label="Filter namespaces" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor="filter-q" className="text-sm font-medium">
            Search
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            maxLength={200}
            defaultValue={query.q ?? ""}
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
  );
}
