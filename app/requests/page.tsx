import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/requests/state-badge";
import { requestKindText } from "@/components/requests/request-kind";
import { DataTable } from "@/components/ui/data-table";
import { requestsFor } from "@/lib/server/requests/request-service";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage() {
  const viewer = await pageViewer();
  const requests = await requestsFor(getServices(), viewer);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{viewer.reviewer ? "All requests" : "Your teams' requests"}</h1>
        <Link href="/requests/new" className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
          Request a namespace
        </Link>
      </div>
      {requests.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6">No requests yet.</p>
      ) : (
        <DataTable
          caption="Requests, most recently updated first"
          columns={["Namespace", "What", "Cluster", "Team", "State", "Requested by", "Pull request", "Updated"]}
        >
          {requests.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/requests/${r.id}`} className="text-blue-800 underline">
                  {r.namespace}
                </Link>
              </th>
              <td className="px-3 py-2">{requestKindText(r.kind)}</td>
              <td className="px-3 py-2">{r.cluster}</td>
              <td className="px-3 py-2">{r.team}</td>
              <td className="px-3 py-2">
                <StateBadge state={r.state} />
              </td>
              <td className="px-3 py-2">{r.requester}</td>
              <td className="px-3 py-2">
                {r.prUrl ? (
                  <a href={r.prUrl} className="text-blue-800 underline">
                    #{r.prNumber}
                  </a>
                ) : (
                  "In Berth"
                )}
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.updatedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
