import { canReview } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";
import { transitionRequest } from "./transition-request";

/**
 * A platform reviewer records that the apply pipeline has applied a merged
 * edit or resource request. Berth sees a namespace appear in its cluster (a
 * namespace request becomes applied by itself: markAppliedRequests), but not
 * when Terraform ran; a tracked sequence (deletion protection off, then the
 * removal) proposes its next step only once the step before is applied.
 */
export async function markRequestApplied(db: Db, viewer: Viewer | null, id: string): Promise<void> {
  authorize(viewer, canReview(viewer));
  const row = await db.request.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such request");
  if (row.kind === "namespace") throw new AppError("conflict", "A namespace request becomes applied by itself once its namespace is live in its cluster");
  if (row.state !== "merged") throw new AppError("conflict", "Only a merged request can be marked applied");
  await transitionRequest(db, id, "applied", viewer.login, "The apply pipeline has applied it");
}
