import type { Metadata } from "next";
import Link from "next/link";
import { CampaignList } from "@/components/campaigns/campaign-list";
import type { CampaignSummary } from "@/components/campaigns/campaign-api";
import { canManageCampaigns } from "@/lib/auth/policy";
import { campaignsFor } from "@/lib/server/campaigns/campaign-service";
import { getServices } from "@/lib/server/services";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const viewer = await pageViewer();
  // The first render holds what GET /api/campaigns answers, as JSON, so the list's later polls replace it in kind.
  const campaigns = JSON.parse(JSON.stringify(await orNotFound(campaignsFor(getServices(), viewer)))) as CampaignSummary[];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Campaigns</h1>
        {canManageCampaigns(viewer) && (
          <Link href="/campaigns/new" className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
            Start a campaign
          </Link>
        )}
      </div>
      <p className="text-sm">
        A campaign makes one change across many namespaces: one pull request per namespace, opened at a pace GitHub allows, tracked here.
      </p>
      <CampaignList initial={campaigns} />
    </div>
  );
}
