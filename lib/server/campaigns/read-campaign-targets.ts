import type { Db } from "@/lib/db/create-db";

export interface TrackedTarget {
  campaignId: string;
  cluster: string;
  namespace: string;
  state: string;
  reason: string | null;
  attempts: number;
  requestId: string | null;
  requestState: string | null;
  prUrl: string | null;
}

/** Campaigns' targets with their requests' states (two queries, however many targets), in cluster and namespace order. */
export async function readCampaignTargets(db: Db, campaignIds: string[]): Promise<TrackedTarget[]> {
  if (campaignIds.length === 0) return [];
  const [targets, requests] = await Promise.all([
    db.campaignTarget.findMany({ where: { campaignId: { in: campaignIds } }, orderBy: [{ cluster: "asc" }, { namespace: "asc" }] }),
    db.request.findMany({ where: { campaignId: { in: campaignIds } }, select: { id: true, state: true, prUrl: true } }),
  ]);
  const byId = new Map(requests.map((r) => [r.id, r]));
  return targets.map((t) => {
    const request = t.requestId ? byId.get(t.requestId) : undefined;
    return {
      campaignId: t.campaignId,
      cluster: t.cluster,
      namespace: t.namespace,
      state: t.state,
      reason: t.reason,
      attempts: t.attempts,
      requestId: t.requestId,
      requestState: request?.state ?? null,
      prUrl: request?.prUrl ?? null,
    };
  });
}
