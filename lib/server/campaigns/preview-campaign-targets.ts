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
  /** Blocks the edit changes in this namespace, when the edit counts them (a module bump does). */
  blocks?: number;
}

export interface CampaignPreview {
  commit: string;
  total: number;
  change: number;
  skip: number;
  error: number;
  /** Blocks changed over every namespace that changes; null when the edit does not count blocks. */
  blocks: number | null;
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
    if (o.outcome === "change")
      return { ...at, outcome: "change", files: o.files.map((f) => ({ path: f.path })), ...(o.blocks !== undefined ? { blocks: o.blocks } : {}) };
    if (o.outcome === "skip") return { ...at, outcome: "skip", reason: o.reason };
    return { ...at, outcome: "error", errors: o.errors };
  });
  const count = (outcome: CampaignPreviewTarget["outcome"]) => targets.filter((t) => t.outcome === outcome).length;
  const changes = targets.filter((t) => t.outcome === "change");
  const blocks = changes.every((t) => t.blocks !== undefined) ? changes.reduce((sum, t) => sum + t.blocks!, 0) : null;
  return { commit, total: targets.length, change: changes.length, skip: count("skip"), error: count("error"), blocks, targets };
}
