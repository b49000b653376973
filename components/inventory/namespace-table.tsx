import Link from "next/link";
import { inventoryQueryString, type InventoryQuery, type SortKey } from "@/lib/environments/inventory/query-inventory";
import type { NamespaceRecord } from "@/lib/environments/types";
import { modulesInUse } from "@/lib/environments/inventory/modules-in-use";
import { applicationKey } from "@/lib/environments/inventory/group-applications";
import type { LiveSummary } from "@/lib/server/list-namespaces";
import { LiveStatusCells } from "./live-status-cell";

// Note: on a phone only the name, status and review-after columns show (the table never makes the page scroll sideways);
// `wide` columns appear from the md breakpoint.
const COLUMNS: { key: SortKey; label: string; wide?: boolean }[] = [
  { key: "name", label: "Name" },
  { key: "status", label: "Cluster status" },
  { key: "unhealthy", label: "Unhealthy deployments", wide: true },
  { key: "cluster", label: "Cluster", wide: true },
  { key: "businessUnit", label: "Business unit", wide: true },
  { key: "environment", label: "Environment", wide: true },
  { key: "application", label: "Application", wide: true },
  { key: "teams", label: "Teams", wide: true },
  { key: "reviewAfter", label: "Review after" },
  { key: "modules", label: "Modules", wide: true },
];
const wide = "hidden md:table-cell";

function SortHeader({ column, query }: { column: (typeof COLUMNS)[number]; query: InventoryQuery }) {
  const active = query.sort === column.key;
  // Counts of trouble read best most first.
  const firstDir = column.key === "unhealthy" ? "desc" : "asc";
  const nextDir = active ? (query.dir === "asc" ? "desc" : "asc") : firstDir;
  const href = `/namespaces${inventoryQueryString(query, { sort: column.key, dir: nextDir, page: undefined })}`;
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
      className={`px-3 py-2 text-left font-semibold ${column.wide ? wide : ""}`}
    >
      {/* The header's aria-sort tells the current order; the link's description tells what a click does. */}
      <Link href={href} className="text-blue-800 underline" title={`Sort ${nextDir === "asc" ? "ascending" : "descending"} by ${column.label.toLowerCase()}`}>
        {column.label}
        {active && <span aria-hidden>{query.dir === "asc" ? " ▲" : " ▼"}</span>}
      </Link>
    </th>
  );
}

export function NamespaceTable({
  rows,
  live,
  query,
  caption,
  today,
}: {
  rows: NamespaceRecord[];
  live: Record<string, LiveSummary>;
  query: InventoryQuery;
  caption: string;
  /** YYYY-MM-DD: review-after dates before it are overdue. */
  today: string;
}) {
  const queryString = inventoryQueryString(query);
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {COLUMNS.map((c) => (
              <SortHeader key={c.key} column={c} query={query} />
            ))}
            <th scope="col" className={`px-3 py-2 text-left font-semibold ${wide}`}>
              Production
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((ns) => {
            const key = `${ns.cluster}/${ns.name}`;
            const overdue = ns.reviewAfter !== null && /^\d{4}-\d{2}-\d{2}/.test(ns.reviewAfter) && ns.reviewAfter.slice(0, 10) < today;
            return (
              <tr key={key} className="hover:bg-slate-50">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/namespaces/${encodeURIComponent(ns.cluster)}/${encodeURIComponent(ns.name)}`} className="text-blue-800 underline">
                    {ns.name}
                  </Link>
                  {ns.problems.some((p) => p.severity === "error") ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">problems</span>
                  ) : (
                    ns.problems.length > 0 && <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-900">warnings</span>
                  )}
                </th>
                <LiveStatusCells rowKey={key} queryString={queryString} initial={live[key]} />
                <td className={`px-3 py-2 ${wide}`}>{ns.cluster}</td>
                <td className={`px-3 py-2 ${wide}`}>{ns.businessUnit ?? "—"}</td>
                <td className={`px-3 py-2 ${wide}`}>{ns.environment ?? "—"}</td>
                <td className={`max-w-56 truncate px-3 py-2 ${wide}`} title={ns.application ?? undefined}>
                  {applicationKey(ns) ? (
                    <Link href={`/applications/${encodeURIComponent(applicationKey(ns)!)}`} className="text-blue-800 underline">
                      {ns.application ?? applicationKey(ns)}
                    </Link>
                  ) : (
                    (ns.application ?? "—")
                  )}
                </td>
                <td className={`px-3 py-2 ${wide}`}>{ns.teams.join(", ") || "—"}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  {overdue ? (
                    <span data-overdue className="rounded bg-red-100 px-1.5 font-semibold text-red-900">
                      {ns.reviewAfter} <span className="font-normal">(overdue)</span>
                    </span>
                  ) : (
                    (ns.reviewAfter ?? "—")
                  )}
                </td>
                <td className={`px-3 py-2 tabular-nums ${wide}`}>{modulesInUse(ns).length}</td>
                <td className={`px-3 py-2 ${wide}`}>{ns.isProduction ? "Yes" : "No"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
