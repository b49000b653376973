import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/requests/state-badge";
import { requestsFor } from "@/lib/server/requests/request-service";
import { pageViewer } from "@/app/_lib/page-viewer";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage() {
  const viewer = await pageViewer();
  const requests = await requestsFor(viewer);
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
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Requests, newest first</caption>
            <thead className="bg-slate-100">
              <tr>
                {["Namespace", "Cluster", "Team", "State", "Requested by", "Pull request", "Updated"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 text-left font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link href={`/requests/${r.id}`} className="text-blue-800 underline">
                      {r.namespace}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{r.cluster}</td>
                  <td className="px-3 py-2">{r.team}</td>
                  <td className="px-3 py-2">
                    <StateBadge state={r.state} />
                  </td>
                  <td className="px-3 py-2">{r.requester}</td>
                  <td className="px-3 py-2">{r.prUrl ? <a href={r.prUrl} className="text-blue-800 underline">#{r.prNumber}</a> : "In Berth"}</td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.updatedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
