"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { ClusterBanner } from "./cluster-banner";
import { driftQuery, type DriftJson } from "./drift-query";

const path = (...parts: string[]) => parts.map(encodeURIComponent).join("/");

/** The drift lists, refreshed from Berth's caches without a reload; a cluster that is not compared says why. */
export function DriftView({ initial }: { initial: DriftJson }) {
  const { data: drift, error } = useQuery({ ...driftQuery(), initialData: initial });
  const compared = drift.clusters.filter((c) => c.lastSyncedAt !== null).map((c) => c.cluster);
  return (
    <>
      <p className="text-sm text-slate-700">
        {compared.length > 0 ? `Compared: ${compared.join(", ")}.` : "No cluster's data is known yet, so nothing is compared."} The platform&apos;s own system
        namespaces are not drift.{error ? ` Refresh failed: ${error.message}.` : ""}
      </p>
      <div className="space-y-2" role="status">
        {drift.clusters.map((health) => (
          <ClusterBanner key={health.cluster} health={health} />
        ))}
      </div>

      <section aria-labelledby="missing" className="space-y-2">
        <h2 id="missing" className="text-lg font-semibold">
          Defined in the repository, missing from the cluster ({drift.missingFromCluster.length})
        </h2>
        {drift.missingFromCluster.length === 0 ? (
          <p className="text-sm">None.</p>
        ) : (
          <DataTable caption="Namespaces defined in the repository but missing from their cluster" columns={["Namespace", "Cluster"]}>
            {drift.missingFromCluster.map((d) => (
              <tr key={`${d.cluster}/${d.namespace}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/namespaces/${path(d.cluster, d.namespace)}`} className="text-blue-800 underline">
                    {d.namespace}
                  </Link>
                </th>
                <td className="px-3 py-2">{d.cluster}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="unknown" className="space-y-2">
        <h2 id="unknown" className="text-lg font-semibold">
          In the cluster, defined by no repository folder ({drift.notInRepository.length})
        </h2>
        {drift.notInRepository.length === 0 ? (
          <p className="text-sm">None.</p>
        ) : (
          <DataTable caption="Namespaces in a cluster that no repository folder defines" columns={["Namespace", "Cluster", "Phase", "Created"]}>
            {drift.notInRepository.map((d) => (
              <tr key={`${d.cluster}/${d.namespace}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/clusters/${path(d.cluster, d.namespace)}`} className="text-blue-800 underline">
                    {d.namespace}
                  </Link>
                </th>
                <td className="px-3 py-2">{d.cluster}</td>
                <td className="px-3 py-2">{d.phase}</td>
                <td className="px-3 py-2 tabular-nums">{d.createdAt?.slice(0, 10) ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
