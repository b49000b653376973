import type { Db } from "@/lib/db/create-db";
import type { Campaign } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors";
import type { Logger } from "@/lib/log";

/** Submits the campaign's edit of one namespace as an edit request of its creator (submitEditRequest): the new request's id. */
export type SubmitCampaignEdit = (campaign: Campaign, target: { cluster: string; namespace: string }) => Promise<{ id: string }>;

/** The answer of an edit whose answers change nothing (prepareEditRequest). */
const CHANGES_NOTHING = "These answers change nothing";

export interface TurnOutcome {
  state: "opened" | "skipped" | "failed";
  reason: string | null;
  requestId: string | null;
}

/**
 * One target's turn: the campaign's edit submitted for the namespace as main
 * is now. Main already holding the change is a skip ("already done"); the
 * edit refused (the file changed so it no longer applies, a check fails) is a
 * failure with the errors, retried by a reviewer; a pull request that could
 * not be opened is a failure with GitHub's answer.
 */
export async function turnOutcome(
  deps: { db: Db; submit: SubmitCampaignEdit; log: Pick<Logger, "warn"> },
  campaign: Campaign,
  target: { cluster: string; namespace: string },
): Promise<TurnOutcome> {
  try {
    const { id } = await deps.submit(campaign, target);
    const request = await deps.db.request.findUnique({ where: { id }, select: { state: true, failure: true } });
    if (request?.state === "failed") return { state: "failed", reason: request.failure ?? "The pull request could not be opened", requestId: id };
    return { state: "opened", reason: null, requestId: id };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return { state: "skipped", reason: "The namespace no longer exists on main", requestId: null };
    if (isAppError(error) && error.code === "invalid_input") {
      const fields = Object.entries(error.fields ?? {});
      if (fields.length === 1 && fields[0]![0] === "answers" && fields[0]![1] === CHANGES_NOTHING)
        return { state: "skipped", reason: "Already done: main holds the change now", requestId: null };
      const reason = fields.map(([field, message]) => `${field}: ${message}`).join("; ") || error.message;
      return { state: "failed", reason: `Refused on main as it is now: ${reason}`, requestId: null };
    }
    deps.log.warn("a campaign's turn failed", { campaign: campaign.id, namespace: target.namespace, error: String(error) });
    return { state: "failed", reason: "Berth could not submit the edit (the server log says why); retry it", requestId: null };
  }
}
