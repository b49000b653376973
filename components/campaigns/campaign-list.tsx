"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DataTable } from "../ui/data-table";
import { campaignsQuery, operationText, type CampaignSummary } from "./campaign-api";
import { CampaignStateBadge } from "./campaign-progress";

/** Every campaign, newest first, with how far each has got. */
export function CampaignList({ initial }: { initial?: CampaignSummary[] }) {
  const query = useQuery({ ...campaignsQuery(), initialData: initial ? { campaigns: initial } : undefined });
  if (!query.data)
    return query.error ? (
      <p role="alert" className="text-sm text-rose-800">
        {query.error.message}
      </p>
    ) : (
      <p className="text-sm">Reading the campaigns…</p>
    );
  const { campaigns } = query.data;
  if (campaigns.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6">No campaigns yet.</p>;
  return (
    <DataTable caption="Campaigns, newest first" columns={["Campaign", "Change", "State", "Opened", "Merged", "Failed", "Not opened yet", "Started"]}>
      {campaigns.map((c) => (
        <tr key={c.id}>
          <th scope="row" className="px-3 py-2 text-left font-medium">
            <Link href={`/campaigns/${c.id}`} className="text-blue-800 underline">
              {c.title}
            </Link>
          </th>
          <td className="px-3 py-2">{operationText(c.operation)}</td>
          <td className="px-3 py-2">
            <CampaignStateBadge state={c.state} />
          </td>
          <td className="px-3 py-2 tabular-nums">{(c.counts.opened ?? 0) + (c.counts.approved ?? 0)}</td>
          <td className="px-3 py-2 tabular-nums">{(c.counts.merged ?? 0) + (c.counts.applied ?? 0)}</td>
          <td className="px-3 py-2 tabular-nums">{c.counts.failed ?? 0}</td>
          <td className="px-3 py-2 tabular-nums">{c.counts.notOpened ?? 0}</td>
          <td className="whitespace-nowrap px-3 py-2 tabular-nums">
            {c.createdAt.slice(0, 16).replace("T", " ")} by {c.createdBy}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
