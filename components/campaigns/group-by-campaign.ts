/** What the review queue knows of the campaign a request belongs to. */
export interface CampaignRef {
  id: string;
  title: string;
}

export interface CampaignGroup<T> {
  campaign: CampaignRef;
  items: T[];
}

/**
 * The review queue's items split into one group per campaign (in the order of each campaign's first item, so the
 * queue's order holds) and the requests of no campaign, each list in the queue's order.
 */
export function groupByCampaign<T>(
  items: readonly T[],
  campaignOf: (item: T) => CampaignRef | null | undefined,
): { campaigns: CampaignGroup<T>[]; alone: T[] } {
  const groups = new Map<string, CampaignGroup<T>>();
  const alone: T[] = [];
  for (const item of items) {
    const campaign = campaignOf(item);
    if (!campaign) {
      alone.push(item);
      continue;
    }
    let group = groups.get(campaign.id);
    if (!group) groups.set(campaign.id, (group = { campaign, items: [] }));
    group.items.push(item);
  }
  return { campaigns: [...groups.values()], alone };
}
