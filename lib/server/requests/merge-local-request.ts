import { canReview } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import type { BranchMerger } from "@/lib/git/git-provider";
import { authorize } from "../authorize";
import { transitionRequest } from "./transition-request";

/** With the local provider, a reviewer merges an approved request in Berth (on GitHub, merging happens there). */
export async function mergeLocalRequest(db: Db, viewer: Viewer | null, id: string, merger: BranchMerger): Promise<void> {
  authorize(viewer, canReview(viewer));
  const row = await db.request.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such request");
  if (row.state !== "approved") throw new AppError("conflict", "Only an approved request can be merged");
  const sha = await merger.mergeBranch(row.branch, `Merge ${row.branch}: namespace ${row.namespace} (request ${row.id})`);
  await transitionRequest(db, id, "merged", viewer.login, `Merged as ${sha.slice(0, 12)}`);
}
