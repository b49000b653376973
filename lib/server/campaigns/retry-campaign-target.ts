import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { recordClose } from "../requests/record-close";
import { parseCampaignInput, retryCampaignTargetInputSchema } from "./campaign-input";
import { findManagedCampaign } from "./find-managed-campaign";

/**
 * A reviewer retries a failed target: it waits for its turn again and is
 * re-evaluated on main as it is then (a finished campaign runs again for it).
 * A target that is not failed answers 409; a cancelled campaign's, too. The
 * request whose pull request could not be opened is closed: the retry opens
 * a new one.
 */
export async function retryCampaignTarget(db: Db, viewer: Viewer | null, id: string, body: unknown): Promise<void> {
  const { campaign } = await findManagedCampaign(db, viewer, id);
  const { cluster, namespace } = parseCampaignInput(retryCampaignTargetInputSchema, body);
  if (campaign.state === "cancelled") throw new AppError("conflict", "A cancelled campaign's targets cannot be retried");
  const target = await db.campaignTarget.findUnique({ where: { campaignId_cluster_namespace: { campaignId: id, cluster, namespace } } });
  if (!target) throw new AppError("not_found", `The campaign has no target ${namespace} on ${cluster}`);
  await db.$transaction(async (tx) => {
    const { count } = await tx.campaignTarget.updateMany({
      where: { campaignId: id, cluster, namespace, state: "failed" },
      data: { state: "pending", attempts: { increment: 1 }, requestId: null },
    });
    if (count === 0) throw new AppError("conflict", `Only a failed target is retried; ${namespace} is ${target.state}`);
    await tx.campaign.updateMany({ where: { id, state: "finished" }, data: { state: "running" } });
  });
  const request = target.requestId ? await db.request.findUnique({ where: { id: target.requestId }, select: { state: true } }) : null;
  if (target.requestId && request?.state === "failed")
    await recordClose(db, target.requestId, viewer!.login, `Closed: campaign "${campaign.title}" retries ${namespace} with a new request`);
}
