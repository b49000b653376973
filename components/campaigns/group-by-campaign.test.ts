import { describe, expect, it } from "vitest";
import { groupByCampaign } from "./group-by-campaign";

describe("groupByCampaign", () => {
  it("puts each campaign's requests under it, in the queue's order, and keeps the others apart", () => {
    const a = { id: "c1", title: "Move rds-instance to 9.2.0" };
    const b = { id: "c2", title: "Tags" };
    const items = [{ id: "r1", campaign: null }, { id: "r2", campaign: b }, { id: "r3", campaign: a }, { id: "r4" }, { id: "r5", campaign: b }];
    const { campaigns, alone } = groupByCampaign(items, (i) => ("campaign" in i ? i.campaign : undefined));
    expect(campaigns.map((g) => [g.campaign.id, g.items.map((i) => i.id)])).toEqual([
      ["c2", ["r2", "r5"]],
      ["c1", ["r3"]],
    ]);
    expect(alone.map((i) => i.id)).toEqual(["r1", "r4"]);
  });

  it("answers no groups for an empty queue", () => {
    expect(groupByCampaign([] as { campaign: null }[], (i) => i.campaign)).toEqual({ campaigns: [], alone: [] });
  });
});
