import type { EditContext, EditedFile, EditOperation, NamespaceFolder } from "../edit/edit-operation";
import type { PlatformProfile } from "../profile/profile";
import type { NamespaceRecord } from "../types";

/** What one change of a campaign does to one namespace. `blocks`: how many blocks the change touches there, when the operation says. */
export type CampaignOutcome =
  | { cluster: string; name: string; outcome: "change"; files: EditedFile[]; notes: string[]; blocks?: number }
  | { cluster: string; name: string; outcome: "skip"; reason: string }
  | { cluster: string; name: string; outcome: "error"; errors: Record<string, string> };

export interface PreviewCampaignInput {
  /**
   * The index's records at the commit being previewed: an operation may tell
   * from a record alone that nothing changes there (unchangedFor), and then
   * the folder is not read.
   */
  targets: readonly NamespaceRecord[];
  operation: EditOperation<unknown>;
  answers: unknown;
  profile: PlatformProfile;
  context: EditContext;
  /** The folder as it is at the commit being previewed; null when it no longer exists. */
  loadFolder(record: NamespaceRecord): Promise<NamespaceFolder | null>;
  /**
   * Optional, and preferred when given: many folders at once (same meaning as
   * loadFolder, in the same order), so a preview over thousands of namespaces
   * reads the repository a batch at a time (loadNamespaceFolders).
   */
  loadFolders?(records: readonly NamespaceRecord[]): Promise<(NamespaceFolder | null)[]>;
}

/** Folders read per loadFolders call: bounds the command line and the texts held at once. */
const BATCH = 500;

/**
 * One change with the same answers applied to many namespaces, nothing
 * written: per namespace the files it would change, or why it is skipped
 * (the answers change nothing there) or refused (the operation's errors).
 * Outcomes come in the targets' order.
 */
export async function previewCampaign(input: PreviewCampaignInput): Promise<CampaignOutcome[]> {
  const outcomes: CampaignOutcome[] = new Array(input.targets.length);
  const toRead: number[] = [];
  input.targets.forEach((record, i) => {
    const unchanged = input.operation.unchangedFor?.(record, input.answers, input.profile) ?? null;
    if (unchanged === null) toRead.push(i);
    else outcomes[i] = { cluster: record.cluster, name: record.name, outcome: "skip", reason: unchanged };
  });
  const size = input.loadFolders ? BATCH : 1;
  for (let start = 0; start < toRead.length; start += size) {
    const batch = toRead.slice(start, start + size).map((i) => input.targets[i]!);
    const folders = input.loadFolders ? await input.loadFolders(batch) : [await input.loadFolder(batch[0]!)];
    for (const [k, record] of batch.entries()) outcomes[toRead[start + k]!] = await previewOne(input, record, folders[k] ?? null);
  }
  return outcomes;
}

async function previewOne(input: PreviewCampaignInput, record: NamespaceRecord, folder: NamespaceFolder | null): Promise<CampaignOutcome> {
  const at = { cluster: record.cluster, name: record.name };
  if (!folder) return { ...at, outcome: "skip", reason: "the namespace folder no longer exists" };
  const result = await input.operation.apply(folder, input.answers, input.profile, input.context);
  if (!result.ok) return { ...at, outcome: "error", errors: result.errors };
  if (result.files.length === 0) return { ...at, outcome: "skip", reason: result.notes.join("; ") || "nothing to change" };
  return { ...at, outcome: "change", files: result.files, notes: result.notes, ...(result.blocks !== undefined ? { blocks: result.blocks } : {}) };
}
