/** What a campaign's page counts, each target once. */
export interface CampaignCounts {
  notOpened: number;
  opened: number;
  approved: number;
  merged: number;
  applied: number;
  failed: number;
  skipped: number;
  cancelled: number;
  closed: number;
}

export type CampaignProgress = keyof CampaignCounts;

/**
 * Where a target stands: before its pull request, its own state; after, its
 * request's (an open pull request in review, in conflict or with changes
 * requested counts as opened).
 */
export function targetProgress(targetState: string, requestState: string | null): CampaignProgress {
  switch (targetState) {
    case "pending":
    case "opening":
      return "notOpened";
    case "skipped":
    case "cancelled":
    case "failed":
      return targetState;
  }
  switch (requestState) {
    case "approved":
    case "merged":
    case "applied":
    case "closed":
    case "failed":
      return requestState;
    default:
      return "opened";
  }
}

export function campaignCounts(targets: Iterable<{ state: string; requestState: string | null }>): CampaignCounts {
  const counts: CampaignCounts = { notOpened: 0, opened: 0, approved: 0, merged: 0, applied: 0, failed: 0, skipped: 0, cancelled: 0, closed: 0 };
  for (const t of targets) counts[targetProgress(t.state, t.requestState)] += 1;
  return counts;
}
