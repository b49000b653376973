import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import type { Logger } from "@/lib/log";
import { recordClose } from "../requests/record-close";
import { CLOSABLE_STATES } from "../requests/request-state";
import type { ClosePullRequest } from "../requests/withdraw-request";
import { findManagedCampaign } from "./find-managed-campaign";

/**
 * A reviewer cancels a campaign: targets still waiting are cancelled, and
 * every open request of the campaign is closed as a reviewer's close is
 * (on GitHub its pull request is closed with a comment naming the campaign).
 * Merged and applied requests stay as they are. A finished campaign (every
 * target had its turn) may be cancelled to close what is still open;
 * cancelling again closes what a failed first attempt left open.
 */
export async function cancelCampaign(
  deps: { db: Db; close: ClosePullRequest | null; log: Pick<Logger, "warn"> },
  viewer: Viewer | null,
  id: string,
): Promise<{ closed: number }> {
  const { db } = deps;
  const { campaign, viewer: actor } = await findManagedCampaign(db, viewer, id);
  await db.$transaction([
    db.campaign.update({ where: { id }, data: { state: "cancelled" } }),
    db.campaignTarget.updateMany({ where: { campaignId: id, state: "pending" }, data: { state: "cancelled", reason: `Cancelled by ${actor.login}` } }),
  ]);
  const open = await db.request.findMany({ where: { campaignId: id, state: { in: [...CLOSABLE_STATES] } }, select: { id: true, prNumber: true } });
  const reason = `campaign "${campaign.title}" (${campaign.id}) was cancelled`;
  let closed = 0;
  for (const request of open) {
    try {
      if (deps.close && request.prNumber) await deps.close(request.prNumber, `Closed in Berth by ${actor.login}: ${reason}.`);
      await recordClose(db, request.id, actor.login, `Closed: ${reason}`);
      closed += 1;
    } catch (error) {
      // One pull request GitHub would not close leaves the others to close; cancelling again retries it.
      deps.log.warn("closing a campaign's request failed", { campaign: id, request: request.id, error: String(error) });
    }
  }
  return { closed };
}
