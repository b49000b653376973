import type { Viewer } from "@/lib/auth/viewer";
import { previewCampaign, type CampaignOutcome } from "@/lib/environments/campaigns/preview-campaign";
import type { EditContext, EditOperation, EditOperationName, NamespaceFolder } from "@/lib/environments/edit/edit-operation";
import { parseEditAnswers } from "@/lib/environments/edit/parse-edit-answers";
import { inventoryQuerySchema, queryInventory } from "@/lib/environments/inventory/query-inventory";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import type { NamespaceRecord } from "@/lib/environments/types";
import { AppError } from "@/lib/errors";

export interface CampaignPreviewDeps {
  profile: PlatformProfile;
  operations: Partial<Record<EditOperationName, EditOperation<unknown>>>;
  /** The base branch as indexed. */
  snapshot: { commit: string; namespaces: readonly NamespaceRecord[]; find(cluster: string, name: string): NamespaceRecord | undefined };
  loadFolder: (commit: string, record: NamespaceRecord) => Promise<NamespaceFolder | null>;
  /** Many folders at once (the index's records at `commit`): a preview over thousands of namespaces reads a batch at a time. */
  loadFolders?: (commit: string, records: readonly NamespaceRecord[]) => Promise<(NamespaceFolder | null)[]>;
  context: EditContext;
  /** Today as YYYY-MM-DD, for the inventory's date filters. */
  today: string;
}

export interface PreparedCampaign {
  operation: string;
  answers: unknown;
  commit: string;
  outcomes: CampaignOutcome[];
}

/** The edit by name, and its answers parsed by its own schema; a 422 naming the field otherwise. */
export function campaignOperation(
  deps: Pick<CampaignPreviewDeps, "operations">,
  name: string,
  answers: unknown,
): { operation: EditOperation<unknown>; answers: unknown } {
  const operation = Object.hasOwn(deps.operations, name) ? deps.operations[name as EditOperationName] : undefined;
  if (!operation) throw new AppError("invalid_input", "The campaign has errors", { operation: `There is no ${name} edit` });
  const parsed = parseEditAnswers(operation, answers ?? {});
  if (!parsed.ok) throw new AppError("invalid_input", "The campaign has errors", parsed.errors);
  return { operation, answers: parsed.answers };
}

/** The namespaces an inventory filter selects, every page of them, as the inventory lists them. */
export function campaignNamespaces(deps: Pick<CampaignPreviewDeps, "snapshot" | "profile" | "today">, viewer: Viewer, filter: Record<string, string>) {
  const query = { ...inventoryQuerySchema.parse(filter), page: 1, pageSize: Number.MAX_SAFE_INTEGER };
  return queryInventory(deps.snapshot.namespaces, query, { profile: deps.profile, today: deps.today, myTeams: viewer.teams }).rows;
}

/**
 * One edit with the same answers over every namespace the filter selects, at
 * the indexed commit, nothing written: what preview shows and what create
 * stores. Bad answers or an unknown edit answer 422 before any folder is read.
 */
export async function prepareCampaign(
  viewer: Viewer,
  input: { operation: string; answers: unknown; filter: Record<string, string> },
  deps: CampaignPreviewDeps,
): Promise<PreparedCampaign> {
  const { operation, answers } = campaignOperation(deps, input.operation, input.answers);
  const commit = deps.snapshot.commit;
  const outcomes = await previewCampaign({
    targets: campaignNamespaces(deps, viewer, input.filter),
    operation,
    answers,
    profile: deps.profile,
    context: deps.context,
    loadFolder: (record) => deps.loadFolder(commit, record),
    ...(deps.loadFolders ? { loadFolders: (records: readonly NamespaceRecord[]) => deps.loadFolders!(commit, records) } : {}),
  });
  return { operation: input.operation, answers, commit, outcomes };
}
