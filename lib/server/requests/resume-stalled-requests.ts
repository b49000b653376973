import type { Db } from "@/lib/db/create-db";
import type { GitProvider } from "@/lib/git/git-provider";
import type { Logger } from "@/lib/log";
import { draftForRequest } from "./draft-for-request";
import type { DraftSettings } from "./namespace-draft";
import { openRequestPullRequest } from "./open-request-pull-request";

/**
 * Requests left "submitted" by an attempt that died half-way: the database
 * or the process went away after the request was stored but before the
 * outcome of opening its pull request was recorded (neither pr_open nor
 * failed). Nobody would ever retry them, so the poller resumes them once they
 * are `afterMs` old; the provider finds any branch and pull request the dead
 * attempt made. Returns how many were resumed.
 */
export async function resumeStalledRequests(
  db: Db,
  provider: GitProvider,
  settings: DraftSettings,
  now: Date,
  afterMs: number,
  log: Pick<Logger, "error">,
): Promise<number> {
  const stalled = await db.request.findMany({
    where: { state: "submitted", updatedAt: { lt: new Date(now.getTime() - afterMs) } },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  for (const row of stalled) await openRequestPullRequest(db, provider, row.id, draftForRequest(row, settings), "berth", log);
  return stalled.length;
}
