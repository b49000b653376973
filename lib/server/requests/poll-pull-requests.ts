import type { Db } from "@/lib/db/create-db";
import type { PullRequestReader } from "@/lib/git/git-provider";
import { OPEN_STATES, reviewerBehind, stateOfPullRequest } from "./request-state";
import type { Logger } from "@/lib/log";
import { transitionRequest } from "./transition-request";

/**
 * Catches up with pull requests whose webhooks were missed: reads each open
 * request's pull request and moves the request to the state it implies.
 * Returns how many requests moved. A pull request that cannot be read is
 * skipped until the next round.
 */
export async function pollPullRequests(db: Db, reader: PullRequestReader, log: Pick<Logger, "warn">): Promise<number> {
  const open = await db.request.findMany({ where: { state: { in: [...OPEN_STATES] }, prNumber: { not: null } }, select: { id: true, prNumber: true } });
  let moved = 0;
  for (const request of open) {
    try {
      const pr = await reader.getPullRequest(request.prNumber!);
      const state = stateOfPullRequest(pr);
      const actor = reviewerBehind(pr, state) ?? "github";
      if (await transitionRequest(db, request.id, state, actor, "Seen by the poller", { headSha: pr.headSha })) moved++;
    } catch (error) {
      log.warn("polling a pull request failed", { request: request.id, error: String(error) });
    }
  }
  return moved;
}
