import type { PullRequestDraft } from "@/lib/git/git-provider";
import { namespacePullRequestDraft, type DraftSettings } from "./namespace-draft";
import { requestAnswers, requestFiles } from "./request-columns";
import { resourcePullRequestDraft } from "./resource-draft";
import { editPullRequestDraft } from "./edit-draft";

/** The pull request of a stored request, rebuilt the same way on every attempt (so a retry finds its branch). */
export function draftForRequest(
  row: { id: string; kind: "namespace" | "resources" | "edit"; requester: string; cluster: string; namespace: string; answers: unknown; files: unknown },
  settings: DraftSettings,
): PullRequestDraft {
  const files = requestFiles(row).map(({ path, content }) => ({ path, content }));
  const stored = requestAnswers(row);
  if (stored.kind === "edit") {
    return editPullRequestDraft(
      { id: row.id, requester: row.requester, cluster: row.cluster, namespace: row.namespace, answers: stored.answers, files },
      settings,
    );
  }
  if (stored.kind === "resources") {
    return resourcePullRequestDraft(
      { id: row.id, requester: row.requester, cluster: row.cluster, namespace: row.namespace, answers: stored.answers, files },
      settings,
    );
  }
  return namespacePullRequestDraft({ id: row.id, requester: row.requester, answers: stored.answers, files }, settings);
}
