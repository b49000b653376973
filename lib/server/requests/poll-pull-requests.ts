import type { Db } from "@/lib/db/create-db";
import type { PullRequestReader } from "@/lib/git/git-provider";
import { FOLLOWED_STATES, reviewerBehind, stateOfPullRequest } from "./request-state";
import type { Logger } from "@/lib/log";
import { transitionRequest } from "./transition-request";

/**
 * Catches up with pull requests whose webhooks were missed: reads each
 * followed request's pull request and moves the request to the state it
 * implies. Returns how many requests moved. A pull request that cannot be
 * read is skipped until the next round. Note: a pull request whose head is
 * not the request's binding (another repository or branch) is never applied.
 */
export async function pollPullRequests(db: Db, reader: PullRequestReader, log: Pick<Logger, "warn">, repo: string): Promise<number> {
  const followed = await db.request.findMany({
    where: { state: { in: [...FOLLOWED_STATES] }, prNumber: { not: null } },
    select: { id: true, prNumber: true, branch: true, prHeadRepo: true, prUpdatedAt: true, revisedAt: true },
  });
  let moved = 0;
  for (const request of followed) {
    try {
      const pr = await reader.getPullRequest(request.prNumber!);
      const boundRepo = request.prHeadRepo ?? repo;
      if (pr.headRef !== request.branch || pr.headRepo?.toLowerCase() !== boundRepo.toLowerCase()) {
        log.warn("pull request no longer matches its request's binding; ignored", { request: request.id, head: `${pr.headRepo}:${pr.headRef}` });
        continue;
      }
      const updatedAt = new Date(pr.updatedAt);
      if (request.prUpdatedAt && updatedAt < request.prUpdatedAt) continue;
      const state = stateOfPullRequest(pr, request.revisedAt);
      const actor = reviewerBehind(pr, state) ?? "github";
      const note = state === "conflict" ? "The branch no longer merges cleanly (seen by the poller)" : "Seen by the poller";
      if (await transitionRequest(db, request.id, state, actor, note, { headSha: pr.headSha, prUpdatedAt: updatedAt })) moved++;
    } catch (error) {
      log.warn("polling a pull request failed", { request: request.id, error: String(error) });
    }
  }
  return moved;
}
