import type { Metadata } from "next";
import Link from "next/link";
import { FilterForm } from "@/components/inventory/filter-form";
import { NamespaceTable } from "@/components/inventory/namespace-table";
import { Pagination } from "@/components/inventory/pagination";
import { inventoryQueryString, parseInventoryQuery } from "@/lib/environments/inventory/query-inventory";
import { listNamespaces } from "@/lib/server/list-namespaces";
import { getDrift } from "@/lib/server/get-drift";
import { healthJson } from "@/lib/server/cluster-health";
import { ClusterBanner } from "@/components/clusters/cluster-banner";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";

export const metadata: Metadata = { title: "Namespaces" };

export default async function NamespacesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseInventoryQuery(await searchParams);
  const viewer = await pageViewer();
  const [list, drift] = await Promise.all([listNamespaces(getServices(), viewer, query), getDrift(getServices(), viewer)]);
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  const summary =
    list.total === 0
      ? "No namespaces match these filters."
      : `Showing ${first.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of ${list.total.toLocaleString("en-GB")} namespaces`;
  const counts = Object.entries(list.countsByBusinessUnit).sort((a, b) => b[1] - a[1]);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Namespaces</h1>
      {drift.clusters
        .filter((health) => health.state === "unreachable")
        .map((health) => (
          <ClusterBanner key={health.cluster} health={healthJson(health)} />
        ))}
      {drift.missingFromCluster.length + drift.notInRepository.length > 0 && (
        <p className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm">
          Drift: {drift.missingFromCluster.length.toLocaleString("en-GB")} defined in the repository but missing from their cluster,{" "}
          {drift.notInRepository.length.toLocaleString("en-GB")} in a cluster but defined by no folder.{" "}
          <Link href="/drift" className="text-blue-800 underline">
            See the drift
          </Link>
        </p>
      )}
      {/* Keyed by the query: a new URL (a chip, back, forward, "Clear filters") makes the form again from it. */}
      <FilterForm key={inventoryQueryString(query)} query={query} options={list.facets} />

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="text-sm">
          {summary}
        </p>
        <a
          href={`/api/namespaces/export${inventoryQueryString(query, { page: undefined, pageSize: undefined })}`}
          className="text-sm text-blue-800 underline"
          download
        >
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
                <Link
                  href={`/namespaces${inventoryQueryString(query, { businessUnit: bu, page: undefined })}`}
                  className="inline-block rounded-full border border-slate-300 bg-white px-3 py-0.5 text-blue-800 underline"
                >
                  {bu}: {n.toLocaleString("en-GB")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {list.total === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6">
          No namespaces match.{" "}
          <Link href="/namespaces" className="text-blue-800 underline">
            Clear filters
          </Link>
        </p>
      ) : (
        <NamespaceTable rows={list.rows} live={list.live} query={query} caption={summary} today={list.today} />
      )}
      <Pagination query={query} page={list.page} pages={list.pages} />
    </div>
  );
}
