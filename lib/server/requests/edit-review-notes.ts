import type { NamespaceFolder } from "@/lib/environments/edit/edit-operation";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import { parseNamespace } from "@/lib/environments/repository/parse-namespace";
import type { EditFileChange } from "./edit-file-changes";

/**
 * What reviewers must look at in an edit beyond the checks: a namespace whose
 * is-production or environment label changes (allowed, but flagged for review),
 * read by parsing the folder before and after the edit the way the index does.
 */
export function editReviewNotes(folder: NamespaceFolder, files: readonly EditFileChange[], profile: PlatformProfile): string[] {
  const prefix = `${folder.record.path}/`;
  const inside = files.filter((f) => f.path.startsWith(prefix));
  if (inside.length === 0) return [];
  const after: Record<string, string | null> = Object.fromEntries(folder.files);
  for (const f of inside) {
    const rel = f.path.slice(prefix.length);
    if (f.content === null) delete after[rel];
    else after[rel] = f.content;
  }
  if (Object.keys(after).length === 0) return [];
  const before = folder.record;
  const next = parseNamespace({ files: after, profile, clusterDomain: before.clusterDomain, name: before.name });
  const notes: string[] = [];
  if (next.isProduction !== before.isProduction)
    notes.push(`The namespace's is-production changes from ${String(before.isProduction)} to ${String(next.isProduction)}: flagged for review`);
  if (next.environment !== before.environment)
    notes.push(`The namespace's environment changes from ${before.environment ?? "(none)"} to ${next.environment ?? "(none)"}: flagged for review`);
  return notes;
}
