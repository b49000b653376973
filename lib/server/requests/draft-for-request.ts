import type { NamespaceRequest } from "@/lib/environments/requests/namespace-request";
import type { ResourceRequest } from "@/lib/environments/requests/resource-request";
import type { FileChange, PullRequestDraft } from "@/lib/git/git-provider";
import { namespacePullRequestDraft, type DraftSettings } from "./namespace-draft";
import { resourcePullRequestDraft } from "./resource-draft";

/** The pull request of a stored request, rebuilt the same way on every attempt (so a retry finds its branch). */
export function draftForRequest(
  row: { id: string; kind: string; requester: string; cluster: string; namespace: string; answers: unknown; files: unknown },
  settings: DraftSettings,
): PullRequestDraft {
  const files = (row.files as FileChange[]).map(({ path, content }) => ({ path, content }));
  if (row.kind === "resources") {
    return resourcePullRequestDraft(
      { id: row.id, requester: row.requester, cluster: row.cluster, namespace: row.namespace, answers: row.answers as ResourceRequest, files },
      settings,
    );
  }
  return namespacePullRequestDraft({ id: row.id, requester: row.requester, answers: row.answers as NamespaceRequest, files }, settings);
}
