import { canReadCampaigns } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { authorize } from "../authorize";
import { campaignCounts, type CampaignCounts } from "./campaign-counts";
import { readCampaignTargets } from "./read-campaign-targets";

export interface CampaignSummary {
  id: string;
  title: string;
  operation: string;
  state: string;
  counts: CampaignCounts;
  createdAt: Date;
  createdBy: string;
}

/** Every campaign, newest first, with its counts; anyone who may browse the inventory. */
export async function listCampaigns(db: Db, viewer: Viewer | null): Promise<CampaignSummary[]> {
  authorize(viewer, canReadCampaigns(viewer));
  const campaigns = await db.campaign.findMany({ orderBy: { createdAt: "desc" } });
  const targets = await readCampaignTargets(
    db,
    campaigns.map((c) => c.id),
  );
  return campaigns.map((c) => ({
    id: c.id,
    title: c.title,
    operation: c.operation,
    state: c.state,
    counts: campaignCounts(targets.filter((t) => t.campaignId === c.id)),
    createdAt: c.createdAt,
    createdBy: c.createdBy,
  }));
}
