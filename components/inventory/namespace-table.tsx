import Link from "next/link";
import { inventoryQueryString, type InventoryQuery, type SortKey } from "@/lib/environments/inventory/query-inventory";
import type { NamespaceRecord } from "@/lib/environments/types";
import { modulesInUse } from "@/lib/environments/inventory/modules-in-use";
import type { LiveSummary } from "@/lib/server/list-namespaces";

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "name", label: "Name" },
  { key: "cluster", label: "Cluster" },
  { key: "businessUnit", label: "Business unit" },
  { key: "environment", label: "Environment" },
  { key: "application", label: "Application" },
  { key: "teams", label: "Teams" },
  { key: "reviewAfter", label: "Review after" },
  { key: "modules", label: "Modules" },
];

function SortHeader({ column, query }: { column: (typeof COLUMNS)[number]; query: InventoryQuery }) {
  const active = query.sort === column.key;
  const nextDir = active && query.dir === "asc" ? "desc" : "asc";
  const href = `/namespaces${inventoryQueryString(query, { sort: column.key, dir: nextDir, page: undefined })}`;
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className="px-3 py-2 text-left font-semibold">
      {/* The header's aria-sort tells the current order; the link's description tells what a click does. */}
      <Link href={href} className="text-blue-800 underline" title={`Sort ${nextDir === "asc" ? "ascending" : "descending"} by ${column.label.toLowerCase()}`}>
        {column.label}
        {active && <span aria-hidden>{query.dir === "asc" ? " ▲" : " ▼"}</span>}
      </Link>
    </th>
  );
}

const STATUS_LABELS: Record<LiveSummary["status"], { text: string; className: string }> = {
  live: { text: "Live", className: "bg-green-100 text-green-900" },
  missing: { text: "Missing from cluster", className: "bg-red-100 text-red-900" },
  terminating: { text: "Terminating", className: "bg-amber-100 text-amber-900" },
  unknown: { text: "Unknown", className: "bg-slate-100 text-slate-800" },
};

function LiveCell({ live }: { live: LiveSummary | undefined }) {
  const status = STATUS_LABELS[live?.status ?? "unknown"];
  return (
    <td className="whitespace-nowrap px-3 py-2">
      <span className={`rounded px-1.5 text-xs ${status.className}`}>{status.text}</span>
      {live && live.unhealthyDeployments > 0 && (
        <span className="ml-2 text-xs text-red-800">
          {live.unhealthyDeployments} unhealthy {live.unhealthyDeployments === 1 ? "deployment" : "deployments"}
        </span>
      )}
    </td>
  );
}

export function NamespaceTable({
  rows,
  live,
  query,
  caption,
}: {
  rows: NamespaceRecord[];
  live: Record<string, LiveSummary>;
  query: InventoryQuery;
  caption: string;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {COLUMNS.map((c) => (
              <SortHeader key={c.key} column={c} query={query} />
            ))}
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              Production
            </th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              Cluster status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((ns) => (
            <tr key={`${ns.cluster}/${ns.name}`} className="hover:bg-slate-50">
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
              <td className="px-3 py-2">{ns.cluster}</td>
              <td className="px-3 py-2">{ns.businessUnit ?? "—"}</td>
              <td className="px-3 py-2">{ns.environment ?? "—"}</td>
              <td className="max-w-56 truncate px-3 py-2" title={ns.application ?? undefined}>
                {ns.application ?? "—"}
              </td>
              <td className="px-3 py-2">{ns.teams.join(", ") || "—"}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{ns.reviewAfter ?? "—"}</td>
              <td className="px-3 py-2 tabular-nums">{modulesInUse(ns).length}</td>
              <td className="px-3 py-2">{ns.isProduction ? "Yes" : "No"}</td>
              <LiveCell live={live[`${ns.cluster}/${ns.name}`]} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
