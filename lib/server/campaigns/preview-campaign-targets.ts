import { canManageCampaigns } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { authorize } from "../authorize";
import { parseCampaignInput, previewCampaignInputSchema } from "./campaign-input";
import { prepareCampaign, type CampaignPreviewDeps } from "./prepare-campaign";

export interface CampaignPreviewTarget {
  cluster: string;
  namespace: string;
  outcome: "change" | "skip" | "error";
  reason?: string;
  errors?: Record<string, string>;
  files?: { path: string }[];
}

export interface CampaignPreview {
  commit: string;
  total: number;
  change: number;
  skip: number;
  error: number;
  targets: CampaignPreviewTarget[];
}

/**
 * What a campaign would do, nothing written: per namespace the filter selects,
 * the files the edit changes, or why it is skipped or refused. Platform
 * reviewers only (the people who may start one).
 */
export async function previewCampaignTargets(viewer: Viewer | null, body: unknown, deps: CampaignPreviewDeps): Promise<CampaignPreview> {
  authorize(viewer, canManageCampaigns(viewer));
  const input = parseCampaignInput(previewCampaignInputSchema, body);
  const { commit, outcomes } = await prepareCampaign(viewer, input, deps);
  const targets = outcomes.map((o): CampaignPreviewTarget => {
    const at = { cluster: o.cluster, namespace: o.name };
    if (o.outcome === "change") return { ...at, outcome: "change", files: o.files.map((f) => ({ path: f.path })) };
    if (o.outcome === "skip") return { ...at, outcome: "skip", reason: o.reason };
    return { ...at, outcome: "error", errors: o.errors };
  });
  const count = (outcome: CampaignPreviewTarget["outcome"]) => targets.filter((t) => t.outcome === outcome).length;
  return { commit, total: targets.length, change: count("change"), skip: count("skip"), error: count("error"), targets };
}
