import type { Metadata } from "next";
import Link from "next/link";
import { FilterForm } from "@/components/inventory/filter-form";
import { NamespaceTable } from "@/components/inventory/namespace-table";
import { Pagination } from "@/components/inventory/pagination";
import { inventoryQueryString, parseInventoryQuery } from "@/lib/environments/query-inventory";
import { listNamespaces } from "@/lib/server/list-namespaces";
import { pageViewer } from "@/app/_lib/page-viewer";

export const metadata: Metadata = { title: "Namespaces" };

export default async function NamespacesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseInventoryQuery(await searchParams);
  const list = await listNamespaces(await pageViewer(), query);
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  const summary = `Showing ${first.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of ${list.total.toLocaleString("en-GB")} namespaces`;
  const counts = Object.entries(list.countsByBusinessUnit).sort((a, b) => b[1] - a[1]);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Namespaces</h1>
      <FilterForm query={query} options={list.facets} />

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="text-sm">
          {summary}
        </p>
        <a href={`/api/namespaces/export${inventoryQueryString(query, { page: undefined, pageSize: undefined })}`} className="text-sm text-blue-800 underline" download>
          Export this view as CSV
        </a>
      </div>

      {counts.length > 0 && (
        <section aria-labelledby="by-bu">
          <h2 id="by-bu" className="mb-1 text-sm font-semibold">
            By business unit
          </h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            {counts.map(([bu, n]) => (
              <li key={bu}>
                <Link href={`/namespaces${inventoryQueryString(query, { businessUnit: bu, page: undefined })}`} className="inline-block rounded-full border border-slate-300 bg-white px-3 py-0.5 text-blue-800 underline">
                  {bu}: {n.toLocaleString("en-GB")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {list.total === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6">No namespace matches these filters.</p>
      ) : (
        <NamespaceTable rows={list.rows} query={query} caption={summary} />
      )}
      <Pagination query={query} page={list.page} pages={list.pages} />
    </div>
  );
}
