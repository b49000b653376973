import { canManageCampaigns, canReadCampaigns } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";

/** The campaign a reviewer acts on: 401 anonymous, 403 for someone who may only read, 404 when there is none. */
export async function findManagedCampaign(db: Db, viewer: Viewer | null, id: string) {
  authorize(viewer, canReadCampaigns(viewer));
  authorize(viewer, canManageCampaigns(viewer));
  const row = await db.campaign.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such campaign");
  return { campaign: row, viewer };
}
