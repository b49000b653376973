import type { Metadata } from "next";
import Link from "next/link";
import { CampaignProgress } from "@/components/campaigns/campaign-progress";
import type { CampaignView } from "@/components/campaigns/campaign-api";
import { canManageCampaigns } from "@/lib/auth/policy";
import { campaignFor } from "@/lib/server/campaigns/campaign-service";
import { getServices } from "@/lib/server/services";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { pathSegment } from "@/app/_lib/path-segment";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await pageViewer();
  // The first render holds what GET /api/campaigns/[id] answers, as JSON, so the page's polls replace it in kind.
  const detail = JSON.parse(JSON.stringify(await orNotFound(campaignFor(getServices(), viewer, pathSegment(id))))) as CampaignView;
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/campaigns" className="text-blue-800 underline">
          Campaigns
        </Link>{" "}
        / <span aria-current="page">{detail.campaign.title}</span>
      </nav>
      <CampaignProgress id={detail.campaign.id} initial={detail} reviewer={canManageCampaigns(viewer)} />
    </div>
  );
}
