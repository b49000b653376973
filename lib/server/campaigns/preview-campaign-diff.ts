import { canManageCampaigns } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";
import { applyEditAt } from "../requests/apply-edit-at";
import { parseCampaignInput, previewCampaignDiffInputSchema } from "./campaign-input";
import { campaignOperation, type CampaignPreviewDeps } from "./prepare-campaign";

/**
 * One namespace's diff of a campaign's edit, on demand (the preview lists
 * paths only): a unified diff per file, as the edit preview shows it. A
 * namespace the edit changes nothing in answers no files.
 */
export async function previewCampaignDiff(
  viewer: Viewer | null,
  body: unknown,
  deps: CampaignPreviewDeps & { readFile: (commit: string, path: string) => Promise<string | null> },
): Promise<{ files: { path: string; diff: string }[] }> {
  authorize(viewer, canManageCampaigns(viewer));
  const input = parseCampaignInput(previewCampaignDiffInputSchema, body);
  const { operation, answers } = await campaignOperation(deps, input.operation, input.answers);
  const namespace = deps.snapshot.find(input.cluster, input.namespace);
  if (!namespace) throw new AppError("not_found", `No namespace ${input.namespace} on cluster ${input.cluster}`);
  const applied = await applyEditAt(deps.snapshot.commit, namespace, operation, answers, deps);
  if (!applied.ok) throw new AppError("invalid_input", "The edit does not apply to this namespace", applied.errors);
  return { files: applied.files.map(({ path, diff }) => ({ path, diff })) };
}
