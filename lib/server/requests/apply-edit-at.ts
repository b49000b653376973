import type { EditContext, EditOperation, NamespaceFolder } from "@/lib/environments/edit/edit-operation";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import type { NamespaceRecord } from "@/lib/environments/types";
import type { FollowUp } from "./edit-request-answers";
import { editFileChanges, type EditFileChange } from "./edit-file-changes";

export type AppliedEdit =
  { ok: true; folder: NamespaceFolder; files: EditFileChange[]; notes: string[]; followUp: FollowUp | null } | { ok: false; errors: Record<string, string> };

/** Applies an edit to the namespace's folder as it is at `commit` (the operation may answer now or later). */
export async function applyEditAt(
  commit: string,
  namespace: NamespaceRecord,
  operation: EditOperation<unknown>,
  answers: unknown,
  deps: {
    profile: PlatformProfile;
    context: EditContext;
    loadFolder: (commit: string, record: NamespaceRecord) => Promise<NamespaceFolder | null>;
    readFile: (commit: string, path: string) => Promise<string | null>;
  },
): Promise<AppliedEdit> {
  const folder = await deps.loadFolder(commit, namespace);
  if (!folder) return { ok: false, errors: { namespace: `${namespace.name} does not exist at commit ${commit.slice(0, 12)}` } };
  const result = await operation.apply(folder, answers, deps.profile, deps.context);
  if (!result.ok) return { ok: false, errors: result.errors };
  const files = await editFileChanges(folder, result.files, (path) => deps.readFile(commit, path));
  return { ok: true, folder, files, notes: result.notes, followUp: result.followUp ?? null };
}
