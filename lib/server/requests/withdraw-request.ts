import { canWithdrawRequest } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { isRequestState, WITHDRAWABLE_STATES } from "./request-state";
import { recordClose } from "./record-close";

/** Closes a pull request on GitHub with the bot's token, posting `comment` first (the local provider has none to close). */
export type ClosePullRequest = (number: number, comment: string) => Promise<void>;

/** Told, once the request is closed, what its pull request was told (a prototype's deployment pull request is closed with it). */
export type AfterClose = (comment: string) => Promise<void>;

/**
 * The requester (or a team member) withdraws a request that is not merged:
 * it becomes closed, its name is free again, and on GitHub its pull request is
 * closed. The way out of `conflict`: withdraw, then submit again on the
 * current repository.
 */
export async function withdrawRequest(db: Db, viewer: Viewer | null, id: string, close: ClosePullRequest | null, after?: AfterClose): Promise<void> {
  const row = await db.request.findUnique({ where: { id } });
  if (!row || !viewer || !canWithdrawRequest(viewer, row)) throw new AppError("not_found", "No such request");
  if (!isRequestState(row.state) || !WITHDRAWABLE_STATES.includes(row.state))
    throw new AppError("conflict", `A request that is ${row.state.replace("_", " ")} cannot be withdrawn`);
  const comment = `Withdrawn in Berth by ${viewer.login}.`;
  if (close && row.prNumber) await close(row.prNumber, comment);
  await recordClose(db, id, viewer.login, "Withdrawn");
  await after?.(comment);
}
