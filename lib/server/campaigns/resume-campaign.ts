import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { findManagedCampaign } from "./find-managed-campaign";

/** A reviewer resumes a paused campaign: its pending targets get their turns again, at its pace. */
export async function resumeCampaign(db: Db, viewer: Viewer | null, id: string): Promise<void> {
  const { campaign } = await findManagedCampaign(db, viewer, id);
  if (campaign.state === "running") return;
  const { count } = await db.campaign.updateMany({ where: { id, state: "paused" }, data: { state: "running" } });
  if (count === 0) throw new AppError("conflict", `A ${campaign.state} campaign cannot be resumed`);
}
