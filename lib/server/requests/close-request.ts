import { z } from "zod";
import { canCloseRequest } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { CLOSABLE_STATES, isRequestState } from "./request-state";
import { recordClose } from "./record-close";
import type { AfterClose, ClosePullRequest } from "./withdraw-request";

export const closeInputSchema = z.object({ reason: z.string().trim().min(1, "say why the request is closed").max(2000, "at most 2000 characters") });

/**
 * A platform reviewer closes a request that will not be merged, saying why:
 * it becomes closed (its names are free again) and, on GitHub, its pull
 * request is closed with the reason as a comment. Bad input answers 422 and
 * closes nothing; a request that is not open answers 409.
 */
export async function closeRequest(
  db: Db,
  viewer: Viewer | null,
  id: string,
  input: unknown,
  close: ClosePullRequest | null,
  after?: AfterClose,
): Promise<void> {
  const row = await db.request.findUnique({ where: { id } });
  if (!row || !viewer || !(viewer.reviewer || viewer.teams.includes(row.team) || viewer.login === row.requester))
    throw new AppError("not_found", "No such request");
  if (!canCloseRequest(viewer, row)) throw new AppError("forbidden", "Only platform reviewers close requests; the requester withdraws theirs");
  const parsed = closeInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "reason", i.message]));
    throw new AppError("invalid_input", "The request has errors", fields);
  }
  if (!isRequestState(row.state) || !CLOSABLE_STATES.includes(row.state))
    throw new AppError("conflict", `A request that is ${row.state.replace("_", " ")} cannot be closed`);
  const { reason } = parsed.data;
  const comment = `Closed in Berth by ${viewer.login}: ${reason}`;
  if (close && row.prNumber) await close(row.prNumber, comment);
  await recordClose(db, id, viewer.login, `Closed: ${reason}`);
  await after?.(comment);
}
