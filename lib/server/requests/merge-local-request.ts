import { canMergeRequest, canReview } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { MergeRefusedError, type BranchMerger } from "@/lib/git/git-provider";
import { authorize } from "../authorize";
import type { ReapplyOutcome } from "./reapply-edit-request";
import { transitionRequest } from "./transition-request";

/**
 * With the local provider, a reviewer other than the requester merges an
 * approved request in Berth (on GitHub, merging happens there). Only the
 * commit Berth wrote is merged. A second merge of the same request, or one
 * racing another merge, answers 409; a branch that no longer merges cleanly
 * moves the request to `conflict`, where its requester can withdraw it. An
 * edit request is first re-applied onto main (`reapply`): it then goes back
 * to review, or to `conflict` with what to do when the edit no longer applies.
 */
export async function mergeLocalRequest(
  db: Db,
  viewer: Viewer | null,
  id: string,
  merger: BranchMerger,
  reapply?: (id: string) => Promise<ReapplyOutcome>,
): Promise<void> {
  authorize(viewer, canReview(viewer));
  const row = await db.request.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such request");
  if (!canMergeRequest(viewer, row)) throw new AppError("forbidden", "You cannot merge your own request: another platform reviewer must");
  if (row.state !== "approved") throw new AppError("conflict", "Only an approved request can be merged");
  let sha: string;
  try {
    sha = await merger.mergeBranch(row.branch, `Merge ${row.branch}: namespace ${row.namespace} (request ${row.id})`, row.pushedSha);
  } catch (error) {
    if (!(error instanceof MergeRefusedError)) throw error;
    if (error.reason === "conflict" && row.kind === "edit" && reapply) {
      const result = await reapply(id);
      if (result.outcome === "reapplied")
        throw new AppError(
          "conflict",
          `Not merged: ${error.message}. Berth re-applied the edit onto the base branch as a new revision: review it again, then merge.`,
        );
      if (result.outcome === "conflict") throw new AppError("conflict", `Not merged. ${result.reason}.`);
    }
    if (error.reason === "conflict") {
      await transitionRequest(db, id, "conflict", "berth", `${error.message}: the requester can withdraw it and submit again`);
      throw new AppError("conflict", `${error.message}. The request is now in conflict: its requester can withdraw it and submit it again.`);
    }
    if (error.reason === "moved") throw new AppError("conflict", `Not merged: ${error.message}. Reload the page to see the request's state.`);
    throw new AppError("conflict", `Not merged: ${error.message}.`);
  }
  await transitionRequest(db, id, "merged", viewer.login, `Merged as ${sha.slice(0, 12)}`);
}
