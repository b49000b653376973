import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { findManagedCampaign } from "./find-managed-campaign";

/** A reviewer pauses a running campaign: no target gets its turn until it is resumed; opened pull requests go on as they are. */
export async function pauseCampaign(db: Db, viewer: Viewer | null, id: string): Promise<void> {
  const { campaign } = await findManagedCampaign(db, viewer, id);
  if (campaign.state === "paused") return;
  const { count } = await db.campaign.updateMany({ where: { id, state: "running" }, data: { state: "paused" } });
  if (count === 0) throw new AppError("conflict", `A ${campaign.state} campaign cannot be paused`);
}
