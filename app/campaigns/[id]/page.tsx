import type { Metadata } from "next";
import Link from "next/link";
import { CampaignProgress } from "@/components/campaigns/campaign-progress";
import { canReview } from "@/lib/auth/policy";
import { pageViewer } from "@/app/_lib/page-viewer";
import { pathSegment } from "@/app/_lib/path-segment";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await pageViewer();
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/campaigns" className="text-blue-800 underline">
          Campaigns
        </Link>{" "}
        / <span aria-current="page">This campaign</span>
      </nav>
      <CampaignProgress id={pathSegment(id)} reviewer={canReview(viewer)} />
    </div>
  );
}
