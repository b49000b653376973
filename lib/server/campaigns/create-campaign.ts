import { randomBytes } from "node:crypto";
import { canManageCampaigns } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { toJson } from "@/lib/db/to-json";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";
import { createCampaignInputSchema, parseCampaignInput } from "./campaign-input";
import { prepareCampaign, type CampaignPreviewDeps } from "./prepare-campaign";

/**
 * A platform reviewer starts a campaign: the change is previewed again here
 * (the form's preview may be old), and each namespace the filter selects is
 * stored as a target: one the edit changes waits for its turn (pending), the
 * others are skipped with the reason. Nothing is opened yet: the runner
 * opens pending targets at the campaign's pace. A campaign that would open
 * nothing is refused (422 naming the filter).
 */
export async function createCampaign(viewer: Viewer | null, body: unknown, deps: CampaignPreviewDeps & { db: Db }): Promise<{ id: string }> {
  authorize(viewer, canManageCampaigns(viewer));
  const input = parseCampaignInput(createCampaignInputSchema, body);
  const prepared = await prepareCampaign(viewer, input, deps);
  if (!prepared.outcomes.some((o) => o.outcome === "change"))
    throw new AppError("invalid_input", "The campaign has errors", { filter: "The edit changes none of the namespaces this filter selects" });
  const id = randomBytes(6).toString("hex");
  const reasonOf = (o: (typeof prepared.outcomes)[number]) =>
    o.outcome === "skip"
      ? o.reason
      : o.outcome === "error"
        ? Object.entries(o.errors)
            .map(([field, message]) => `${field}: ${message}`)
            .join("; ")
        : null;
  await deps.db.$transaction(async (tx) => {
    await tx.campaign.create({
      data: {
        id,
        title: input.title,
        operation: prepared.operation,
        answers: toJson(prepared.answers),
        filter: toJson(input.filter),
        prsPerMinute: input.prsPerMinute,
        state: "running",
        createdBy: viewer.login,
      },
    });
    await tx.campaignTarget.createMany({
      data: prepared.outcomes.map((o) => ({
        campaignId: id,
        cluster: o.cluster,
        namespace: o.name,
        state: o.outcome === "change" ? ("pending" as const) : ("skipped" as const),
        reason: reasonOf(o),
      })),
    });
  });
  return { id };
}
