import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/requests/state-badge";
import { DataTable } from "@/components/ui/data-table";
import { getMyOverview } from "@/lib/server/get-my-overview";
import { getServices } from "@/lib/server/services";
import { TeamLinks } from "@/components/inventory/team-links";
import { RefreshTeamsButton } from "@/components/auth/refresh-teams-button";
import { pageViewer } from "@/app/_lib/page-viewer";

export const metadata: Metadata = { title: "Your access" };

const STATUS: Record<string, string> = { live: "Live", missing: "Missing from cluster", terminating: "Terminating", unknown: "Unknown" };
const KIND: Record<string, string> = { namespace: "New namespace", resources: "AWS resources" };
const path = (...parts: string[]) => parts.map(encodeURIComponent).join("/");

export default async function MePage() {
  const viewer = await pageViewer();
  const mine = await getMyOverview(getServices(), viewer);
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">Your access</h1>
      <section aria-labelledby="who" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="who" className="font-semibold">
          {viewer.name} <span className="font-normal text-slate-700">({viewer.login})</span>
        </h2>
        <p className="text-sm">
          {viewer.reviewer
            ? "You are a platform reviewer: you see every namespace in full and can work through the review queue."
            : "You can browse the inventory, and see in full and request changes to the namespaces your teams own."}
          {viewer.kind === "local" && " You signed in as a sample user (demo)."}
        </p>
      </section>
      <section aria-labelledby="teams" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="teams" className="font-semibold">
          Your GitHub teams
        </h2>
        <TeamLinks teams={viewer.teams} empty="You are in no team of the organisation." />
        {viewer.kind === "github" && <RefreshTeamsButton />}
      </section>
      <section aria-labelledby="my-requests" className="space-y-2">
        <h2 id="my-requests" className="text-lg font-semibold">
          Your open requests ({mine.requests.length})
        </h2>
        {mine.requests.length === 0 ? (
          <p className="text-sm">
            None.{" "}
            <Link href="/requests/new" className="text-blue-800 underline">
              Request a namespace
            </Link>
          </p>
        ) : (
          <DataTable caption="Your open requests and your teams'" columns={["Namespace", "What", "Team", "State", "Submitted"]}>
            {mine.requests.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/requests/${r.id}`} className="text-blue-800 underline">
                    {r.namespace}
                  </Link>
                </th>
                <td className="px-3 py-2">{KIND[r.kind] ?? r.kind}</td>
                <td className="px-3 py-2">{r.team}</td>
                <td className="px-3 py-2">
                  <StateBadge state={r.state} />
                </td>
                <td className="px-3 py-2 tabular-nums">{r.createdAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="my-namespaces" className="space-y-2">
        <h2 id="my-namespaces" className="text-lg font-semibold">
          Your teams&apos; namespaces ({mine.namespaces.length})
        </h2>
        {mine.namespaces.length === 0 ? (
          <p className="text-sm">Your teams own no namespace.</p>
        ) : (
          <>
            <DataTable caption="Namespaces your teams own" columns={["Namespace", "Cluster", "Application", "Cluster status", "Review after"]}>
              {mine.namespaces.map((ns) => (
                <tr key={`${ns.cluster}/${ns.name}`}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link href={`/namespaces/${path(ns.cluster, ns.name)}`} className="text-blue-800 underline">
                      {ns.name}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{ns.cluster}</td>
                  <td className="px-3 py-2">{ns.application ?? "—"}</td>
                  <td className="px-3 py-2" data-status={ns.live.status}>
                    {STATUS[ns.live.status]}
                    {ns.live.reason ? ` (${ns.live.reason})` : ""}
                    {ns.live.unhealthyDeployments > 0 ? `, ${ns.live.unhealthyDeployments} unhealthy` : ""}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{ns.reviewAfter ?? "—"}</td>
                </tr>
              ))}
            </DataTable>
            <p className="text-sm">
              <Link href="/namespaces?mine=true" className="text-blue-800 underline">
                Filter and export them in the inventory
              </Link>
            </p>
          </>
        )}
      </section>
    </div>
  );
}
