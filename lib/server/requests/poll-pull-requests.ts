import type { Db } from "@/lib/db/create-db";
import type { PullRequestReader } from "@/lib/git/git-provider";
import { FOLLOWED_STATES, reviewerBehind, stateOfPullRequest } from "./request-state";
import type { Logger } from "@/lib/log";
import { readSnapshot, snapshotColumns, type SnapshotSource } from "./pr-snapshot";
import { transitionRequest } from "./transition-request";

export interface PollOptions {
  /** The poll's clock (snapshots are stamped with it). */
  now?: Date;
  /** Told of each change the read found that no webhook had reported, older than `graceMs` (a missed delivery). */
  onMissed?: (request: string) => void;
  graceMs?: number;
  /** Only these requests (a reviewer's refresh); all followed ones when absent. */
  ids?: string[];
  source?: SnapshotSource;
  /** Told of each edit request the read found in conflict (it may be re-applied onto main: reapplyEditRequest, once per head of main). */
  onConflict?: (request: string) => Promise<unknown>;
  /**
   * Store the snapshot and never move the request (a comment's delivery). Note: Berth's own withdraw or close
   * comment arrives before its close does, and a read made then would see the pull request open and reopen the
   * request Berth has just closed; the pull request's own events and the poll move it.
   */
  snapshotOnly?: boolean;
}

/**
 * Catches up with pull requests whose webhooks were missed: reads every
 * followed request's pull request in one batched read (one GraphQL query per
 * 100), stores each as the request's snapshot and moves the request to the
 * state it implies. Returns how many requests moved; a read that fails moves
 * nothing until the next round. Note: a pull request whose head is not the
 * request's binding (another repository or branch) is never applied.
 */
export async function pollPullRequests(
  db: Db,
  reader: Pick<PullRequestReader, "readPullRequests">,
  log: Pick<Logger, "warn">,
  repo: string,
  options: PollOptions = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const followed = await db.request.findMany({
    where: options.ids ? { id: { in: options.ids }, prNumber: { not: null } } : { state: { in: [...FOLLOWED_STATES] }, prNumber: { not: null } },
    select: { id: true, kind: true, prNumber: true, branch: true, prHeadRepo: true, prUpdatedAt: true, prSnapshot: true, revisedAt: true },
  });
  if (followed.length === 0) return 0;
  let pulls;
  try {
    pulls = await reader.readPullRequests(followed.map((r) => r.prNumber!));
  } catch (error) {
    log.warn("polling pull requests failed", { requests: followed.length, error: String(error) });
    return 0;
  }
  let moved = 0;
  const conflicted: string[] = [];
  for (const request of followed) {
    const pr = pulls.get(request.prNumber!);
    if (!pr) {
      log.warn("pull request not found on GitHub", { request: request.id, number: request.prNumber });
      continue;
    }
    const boundRepo = request.prHeadRepo ?? repo;
    if (pr.headRef !== request.branch || pr.headRepo?.toLowerCase() !== boundRepo.toLowerCase()) {
      log.warn("pull request no longer matches its request's binding; ignored", { request: request.id, head: `${pr.headRepo}:${pr.headRef}` });
      continue;
    }
    const updatedAt = new Date(pr.updatedAt);
    if (request.prUpdatedAt && updatedAt < request.prUpdatedAt) continue;
    const known = readSnapshot(request.prSnapshot)?.updatedAt ?? request.prUpdatedAt?.toISOString();
    const changed = known !== undefined && new Date(known).getTime() < updatedAt.getTime();
    if (changed && now.getTime() - updatedAt.getTime() > (options.graceMs ?? 60_000)) options.onMissed?.(request.id);
    const snapshot = snapshotColumns(pr, now, options.source ?? "poll");
    const state = stateOfPullRequest(pr, request.revisedAt);
    const actor = reviewerBehind(pr, state) ?? "github";
    const note = state === "conflict" ? "The branch no longer merges cleanly (seen by the poller)" : "Seen by the poller";
    const facts = { headSha: pr.headSha, prUpdatedAt: updatedAt, ...snapshot };
    if (!options.snapshotOnly && (await transitionRequest(db, request.id, state, actor, note, facts))) moved++;
    else await db.request.update({ where: { id: request.id }, data: facts });
    if (state === "conflict" && request.kind === "edit") conflicted.push(request.id);
  }
  for (const id of conflicted) {
    await options.onConflict?.(id).catch((error: unknown) => log.warn("re-applying an edit request failed", { request: id, error: String(error) }));
  }
  return moved;
}
