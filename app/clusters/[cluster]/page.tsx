import type { Metadata } from "next";
import Link from "next/link";
import { ClusterBanner } from "@/components/clusters/cluster-banner";
import { DataTable } from "@/components/ui/data-table";
import { StatCard } from "@/components/ui/stat-card";
import { getClusterOverview } from "@/lib/server/get-cluster-overview";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";

type Params = { params: Promise<{ cluster: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Cluster ${decodeURIComponent((await params).cluster)}` };
}

const ROLLOUT: Record<string, string> = { complete: "Complete", progressing: "Rolling out", failed: "Failed", paused: "Paused" };
const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "medium" }) + " UTC";
const q = (params: Record<string, string>) => `/namespaces?${new URLSearchParams(params).toString()}`;

/** A cluster at a glance: the repository's namespaces by their state in it, unhealthy deployments, when Berth last heard from it. */
export default async function ClusterPage({ params }: Params) {
  const cluster = decodeURIComponent((await params).cluster);
  const overview = await orNotFound(getClusterOverview(getServices(), await pageViewer(), cluster));
  const { health, byStatus } = overview;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Cluster {cluster}</h1>
        <p className="break-words text-sm text-slate-700">
          {overview.domain}.{" "}
          {health.state === "synced"
            ? `Live: Berth is watching it (last sync ${when(health.lastSyncedAt!)}).`
            : health.lastSyncedAt
              ? `Last sync ${when(health.lastSyncedAt)}.`
              : "Berth has never had data from it."}
        </p>
      </div>
      <ClusterBanner health={health} />
      <ul aria-label="Namespaces in this cluster" className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <li>
          <StatCard label="Defined in the repository" value={overview.defined} href={q({ cluster })} />
        </li>
        <li>
          <StatCard label="Live" value={byStatus.live} href={q({ cluster, status: "live" })} />
        </li>
        <li>
          <StatCard label="Missing from cluster" value={byStatus.missing} href={q({ cluster, status: "missing" })} />
        </li>
        <li>
          <StatCard label="Unknown" value={byStatus.unknown} href={q({ cluster, status: "unknown" })} />
        </li>
        <li>
          <StatCard label="Only in the cluster" value={overview.clusterOnly} href="/drift" />
        </li>
      </ul>
      <section aria-labelledby="unhealthy" className="space-y-2">
        <h2 id="unhealthy" className="text-lg font-semibold">
          Unhealthy deployments ({overview.unhealthy.length})
        </h2>
        {health.lastSyncedAt === null ? (
          <p className="text-sm">Not known: Berth has no data from this cluster.</p>
        ) : overview.unhealthy.length === 0 ? (
          <p className="text-sm">None.</p>
        ) : (
          <DataTable caption={`Unhealthy deployments in cluster ${cluster}`} columns={["Namespace", "Deployment", "Ready", "Rollout"]}>
            {overview.unhealthy.map((d) => (
              <tr key={`${d.namespace}/${d.deployment}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link
                    href={`/${d.inRepository ? "namespaces" : "clusters"}/${encodeURIComponent(cluster)}/${encodeURIComponent(d.namespace)}`}
                    className="text-blue-800 underline"
                  >
                    {d.namespace}
                  </Link>
                </th>
                <td className="px-3 py-2">{d.deployment}</td>
                <td className="px-3 py-2 tabular-nums">
                  {d.ready}/{d.desired}
                </td>
                <td className="px-3 py-2">{ROLLOUT[d.rollout]}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
