import type { EditContext, EditedFile, EditOperation, NamespaceFolder } from "../edit/edit-operation";
import type { PlatformProfile } from "../profile/profile";
import type { NamespaceRecord } from "../types";

/** What one change of a campaign does to one namespace. */
export type CampaignOutcome =
  | { cluster: string; name: string; outcome: "change"; files: EditedFile[]; notes: string[] }
  | { cluster: string; name: string; outcome: "skip"; reason: string }
  | { cluster: string; name: string; outcome: "error"; errors: Record<string, string> };

export interface PreviewCampaignInput {
  targets: readonly NamespaceRecord[];
  operation: EditOperation<unknown>;
  answers: unknown;
  profile: PlatformProfile;
  context: EditContext;
  /** The folder as it is at the commit being previewed; null when it no longer exists. */
  loadFolder(record: NamespaceRecord): Promise<NamespaceFolder | null>;
}

/**
 * One change with the same answers applied to many namespaces, nothing
 * written: per namespace the files it would change, or why it is skipped
 * (the answers change nothing there) or refused (the operation's errors).
 */
export async function previewCampaign(input: PreviewCampaignInput): Promise<CampaignOutcome[]> {
  const outcomes: CampaignOutcome[] = [];
  for (const record of input.targets) {
    const at = { cluster: record.cluster, name: record.name };
    const folder = await input.loadFolder(record);
    if (!folder) {
      outcomes.push({ ...at, outcome: "skip", reason: "the namespace folder no longer exists" });
      continue;
    }
    const result = await input.operation.apply(folder, input.answers, input.profile, input.context);
    if (!result.ok) outcomes.push({ ...at, outcome: "error", errors: result.errors });
    else if (result.files.length === 0) outcomes.push({ ...at, outcome: "skip", reason: result.notes.join("; ") || "nothing to change" });
    else outcomes.push({ ...at, outcome: "change", files: result.files, notes: result.notes });
  }
  return outcomes;
}
