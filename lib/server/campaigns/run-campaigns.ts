import type { Db } from "@/lib/db/create-db";
import type { Campaign } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors";
import type { Logger } from "@/lib/log";
import { recordClose } from "../requests/record-close";
import type { ClosePullRequest } from "../requests/withdraw-request";
import { turnOutcome, type SubmitCampaignEdit } from "./turn-outcome";

/** How long a target may stay "opening" before a tick decides what became of it (a replica stopped mid-turn). */
export const STALE_OPENING_MS = 5 * 60_000;

export interface CampaignRunnerDeps {
  db: Db;
  now: () => Date;
  /** BERTH_CAMPAIGN_MAX_PRS_PER_MINUTE: no campaign opens more per minute, whatever its own pace. */
  maxPerMinute: number;
  /** The GitHub budget says background work waits (lib/git/github-budget.ts); user actions go on. */
  budgetPaused: () => boolean;
  /** Before the first turn of a tick: bring main up to date, so each turn re-evaluates the edit on main as it is. */
  beforeTurns?: () => Promise<void>;
  submit: SubmitCampaignEdit;
  close: ClosePullRequest | null;
  log: Pick<Logger, "warn" | "info">;
}

export interface CampaignTick {
  /** True when the GitHub budget held every campaign back. */
  waiting: boolean;
  turns: { campaignId: string; cluster: string; namespace: string; state: string; reason: string | null }[];
}

/**
 * One tick of the campaign runner (run by the holder of the "campaigns"
 * lease): each running campaign gives pending targets their turn, at most
 * its pace (prsPerMinute, capped) in any minute, while the GitHub budget
 * allows background work. A target is claimed (pending -> opening) before
 * its turn, so two replicas never open the same one. Its turn re-evaluates
 * the edit on main as it is now (submitEditRequest): opened with its
 * request, skipped when main already holds the change, failed with the
 * errors when it no longer applies. A campaign with nothing left to open is
 * finished.
 */
export async function runCampaigns(deps: CampaignRunnerDeps): Promise<CampaignTick> {
  const { db } = deps;
  const tick: CampaignTick = { waiting: false, turns: [] };
  await recoverStaleTurns(deps);
  const campaigns = await db.campaign.findMany({ where: { state: "running" }, orderBy: { createdAt: "asc" } });
  let prepared = false;
  for (const campaign of campaigns) {
    const perMinute = Math.max(1, Math.min(campaign.prsPerMinute, deps.maxPerMinute));
    const since = new Date(deps.now().getTime() - 60_000);
    let room = perMinute - (await db.campaignTarget.count({ where: { campaignId: campaign.id, turnAt: { gt: since } } }));
    while (room > 0) {
      if (deps.budgetPaused()) {
        tick.waiting = true;
        return tick;
      }
      const current = await db.campaign.findUnique({ where: { id: campaign.id }, select: { state: true } });
      if (current?.state !== "running") break;
      const next = await db.campaignTarget.findFirst({
        where: { campaignId: campaign.id, state: "pending" },
        orderBy: [{ cluster: "asc" }, { namespace: "asc" }],
      });
      if (!next) break;
      const key = { campaignId: campaign.id, cluster: next.cluster, namespace: next.namespace };
      const claimed = await db.campaignTarget.updateMany({ where: { ...key, state: "pending" }, data: { state: "opening", turnAt: deps.now() } });
      if (claimed.count === 0) continue;
      room -= 1;
      if (!prepared) {
        prepared = true;
        await deps.beforeTurns?.().catch((error: unknown) => deps.log.warn("could not bring main up to date before campaign turns", { error: String(error) }));
      }
      const outcome = await turnOutcome(deps, campaign, next);
      await db.campaignTarget.update({
        where: { campaignId_cluster_namespace: key },
        data: { state: outcome.state, reason: outcome.reason, ...(outcome.requestId ? { requestId: outcome.requestId } : {}) },
      });
      tick.turns.push({ ...key, state: outcome.state, reason: outcome.reason });
      if (outcome.requestId) await closeIfCancelledMeanwhile(deps, campaign, outcome.requestId);
    }
    const left = await db.campaignTarget.count({ where: { campaignId: campaign.id, state: { in: ["pending", "opening"] } } });
    if (left === 0) await db.campaign.updateMany({ where: { id: campaign.id, state: "running" }, data: { state: "finished" } });
  }
  return tick;
}

/** A turn a stopped replica left half done: its request, if it was made, is bound; otherwise the target waits for its turn again. */
async function recoverStaleTurns(deps: Pick<CampaignRunnerDeps, "db" | "now">): Promise<void> {
  const { db } = deps;
  const stale = await db.campaignTarget.findMany({ where: { state: "opening", turnAt: { lt: new Date(deps.now().getTime() - STALE_OPENING_MS) } } });
  for (const t of stale) {
    const made = await db.request.findFirst({
      // Note: a retry closes the request of the turn before (see retryCampaignTarget), so an unclosed one is this turn's.
      where: { campaignId: t.campaignId, cluster: t.cluster, namespace: t.namespace, state: { not: "closed" } },
      orderBy: { createdAt: "desc" },
    });
    await db.campaignTarget.updateMany({
      where: { campaignId: t.campaignId, cluster: t.cluster, namespace: t.namespace, state: "opening" },
      data: made ? { state: "opened", requestId: made.id } : { state: "pending" },
    });
  }
}

/** A cancel that came while the turn was opening its pull request: close it as the cancel closed the others. */
async function closeIfCancelledMeanwhile(deps: CampaignRunnerDeps, campaign: Campaign, requestId: string): Promise<void> {
  const now = await deps.db.campaign.findUnique({ where: { id: campaign.id }, select: { state: true } });
  if (now?.state !== "cancelled") return;
  const request = await deps.db.request.findUnique({ where: { id: requestId }, select: { prNumber: true, state: true } });
  if (!request || request.state === "closed") return;
  const reason = `campaign "${campaign.title}" (${campaign.id}) was cancelled`;
  try {
    if (deps.close && request.prNumber) await deps.close(request.prNumber, `Closed in Berth: ${reason}.`);
    await recordClose(deps.db, requestId, "berth", `Closed: ${reason}`);
  } catch (error) {
    if (!isAppError(error)) deps.log.warn("closing a cancelled campaign's request failed", { request: requestId, error: String(error) });
  }
}
