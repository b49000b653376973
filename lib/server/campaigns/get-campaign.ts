import { canReadCampaigns } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";
import { campaignCounts, type CampaignCounts } from "./campaign-counts";
import { readCampaignTargets } from "./read-campaign-targets";

export interface CampaignDetail {
  campaign: {
    id: string;
    title: string;
    operation: string;
    answers: unknown;
    filter: unknown;
    prsPerMinute: number;
    state: string;
    createdBy: string;
    createdAt: Date;
    updatedAt: Date;
  };
  counts: CampaignCounts;
  targets: {
    cluster: string;
    namespace: string;
    state: string;
    requestId: string | null;
    requestState: string | null;
    prUrl: string | null;
    reason: string | null;
    attempts: number;
  }[];
}

/** One campaign, its counts and every target with its request's state; anyone who may browse the inventory. */
export async function getCampaign(db: Db, viewer: Viewer | null, id: string): Promise<CampaignDetail> {
  authorize(viewer, canReadCampaigns(viewer));
  const row = await db.campaign.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such campaign");
  const tracked = await readCampaignTargets(db, [id]);
  return {
    campaign: row,
    counts: campaignCounts(tracked),
    targets: tracked.map((t) => ({
      cluster: t.cluster,
      namespace: t.namespace,
      state: t.state,
      requestId: t.requestId,
      requestState: t.requestState,
      prUrl: t.prUrl,
      reason: t.reason,
      attempts: t.attempts,
    })),
  };
}
