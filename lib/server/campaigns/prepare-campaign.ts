import type { Viewer } from "@/lib/auth/viewer";
import { previewCampaign, type CampaignOutcome } from "@/lib/environments/campaigns/preview-campaign";
import type { EditContext, EditOperation, EditOperationName, NamespaceFolder } from "@/lib/environments/edit/edit-operation";
import { parseEditAnswers } from "@/lib/environments/edit/parse-edit-answers";
import { inventoryQuerySchema, queryInventory } from "@/lib/environments/inventory/query-inventory";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import type { NamespaceRecord } from "@/lib/environments/types";
import { AppError } from "@/lib/errors";
import type { TeamDirectory } from "@/lib/git/git-provider";
import { unknownAddedTeams } from "../requests/unknown-added-teams";

export interface CampaignPreviewDeps {
  profile: PlatformProfile;
  operations: Partial<Record<EditOperationName, EditOperation<unknown>>>;
  /** The base branch as indexed. */
  snapshot: { commit: string; namespaces: readonly NamespaceRecord[]; find(cluster: string, name: string): NamespaceRecord | undefined };
  loadFolder: (commit: string, record: NamespaceRecord) => Promise<NamespaceFolder | null>;
  /** Many folders at once (the index's records at `commit`): a preview over thousands of namespaces reads a batch at a time. */
  loadFolders?: (commit: string, records: readonly NamespaceRecord[]) => Promise<(NamespaceFolder | null)[]>;
  context: EditContext;
  /** Whether a team an access edit adds exists (GitHub's directory); null or absent with the local provider, which has none. */
  teams?: TeamDirectory | null;
  /** Today as YYYY-MM-DD, for the inventory's date filters. */
  today: string;
}

export interface PreparedCampaign {
  operation: string;
  answers: unknown;
  commit: string;
  outcomes: CampaignOutcome[];
}

/**
 * Edits a campaign refuses whatever the answers. Note: a decommission deletes
 * a namespace, in steps each applied before the next, confirmed by the
 * namespace's own name; it is never one change with the same answers
 * everywhere.
 */
const NOT_IN_CAMPAIGNS: Partial<Record<EditOperationName, string>> = {
  decommission: "A campaign cannot decommission namespaces: decommission each one from its own page",
};

/**
 * The edit by name, and its answers parsed by its own schema; a 422 naming the
 * field otherwise, as the campaign's body nests it (`answers.add.0`). A team
 * an access edit adds is looked up once here, not at every namespace's turn.
 */
export async function campaignOperation(
  deps: Pick<CampaignPreviewDeps, "operations" | "teams">,
  name: string,
  answers: unknown,
): Promise<{ operation: EditOperation<unknown>; answers: unknown }> {
  const operation = Object.hasOwn(deps.operations, name) ? deps.operations[name as EditOperationName] : undefined;
  if (!operation) throw new AppError("invalid_input", "The campaign has errors", { operation: `There is no ${name} edit` });
  const refused = NOT_IN_CAMPAIGNS[operation.name];
  if (refused) throw new AppError("invalid_input", "The campaign has errors", { operation: refused });
  const parsed = parseEditAnswers(operation, answers ?? {});
  const errors = parsed.ok ? await unknownAddedTeams(deps.teams, operation.name, parsed.answers) : parsed.errors;
  if (!parsed.ok || Object.keys(errors).length > 0) throw new AppError("invalid_input", "The campaign has errors", answerFields(errors));
  return { operation, answers: parsed.answers };
}

/** An edit's field errors (`add.0`) named as the campaign's body holds its answers (`answers.add.0`). */
function answerFields(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field === "answers" ? field : `answers.${field}`, message]));
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
  const { operation, answers } = await campaignOperation(deps, input.operation, input.answers);
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
