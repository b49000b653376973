import type { Db } from "@/lib/db/create-db";
import type { PullRequestState } from "@/lib/git/git-provider";
import type { Logger } from "@/lib/log";
import { prototypeDeployBranch, type PrototypeRepos } from "./open-prototype-deploy-pr";

/*
 * How Berth follows the pull request it opened in a prototype's own repository
 * (PrototypeDeployPr: opening, open, merged, closed or failed), at the least
 * cost the main pull requests' machinery allows:
 * - webhook deliveries from that repository, when they arrive (a GitHub App's
 *   or an organisation's webhook sends them; a webhook on the environments
 *   repository alone does not): free;
 * - the poller's rounds, when due and not paused by the rate-limit budget: one
 *   REST read per open deployment pull request, conditional (ETag), so one
 *   that did not change is a 304 that costs no rate limit. This catches up
 *   when the prototype's repository sends no webhooks at all;
 * - "Refresh from GitHub" on the request page (at most every 30 s, not while
 *   paused), which also reads a closed one (it may have been reopened).
 * A page view reads the stored row and never calls GitHub. Only the state is
 * followed, not reviews or checks: the request page shows where it stands and
 * links to GitHub for the rest.
 */

/** The states in which GitHub can still change it: polled while open; a refresh also reads a closed one. */
export const POLLED_DEPLOY_PR_STATES = ["open"] as const;
export const REFRESHED_DEPLOY_PR_STATES = ["open", "closed"] as const;

const sameRepo = (a: string | null | undefined, b: string) => typeof a === "string" && a.toLowerCase() === b.toLowerCase();

/**
 * Applies what GitHub says of a deployment pull request to its row. Note: only
 * the pull request bound to the request (its number, the branch Berth named
 * after the request, head in the prototype's repository itself) moves it, and
 * never news older than what was applied (a late or replayed delivery).
 * Returns the new state, or null when nothing was applied.
 */
export async function applyDeployPrState(
  db: Db,
  row: { requestId: string; repository: string; number: number | null; githubUpdatedAt: Date | null },
  pr: Pick<PullRequestState, "number" | "state" | "merged" | "headRef" | "headRepo" | "updatedAt">,
  now: Date,
): Promise<"open" | "merged" | "closed" | null> {
  if (pr.number !== row.number || pr.headRef !== prototypeDeployBranch(row.requestId) || !sameRepo(pr.headRepo, row.repository)) return null;
  const updatedAt = new Date(pr.updatedAt);
  if (Number.isNaN(updatedAt.getTime()) || (row.githubUpdatedAt && updatedAt < row.githubUpdatedAt)) return null;
  const state = pr.merged ? "merged" : pr.state === "open" ? "open" : "closed";
  await db.prototypeDeployPr.update({ where: { requestId: row.requestId }, data: { state, fetchedAt: now, githubUpdatedAt: updatedAt } });
  return state;
}

const FOLLOW_SELECT = { requestId: true, repository: true, number: true, githubUpdatedAt: true } as const;

/**
 * Reads deployment pull requests from GitHub and applies them: every open one
 * (the poller), or the given requests' open or closed ones (a refresh).
 * Returns how many changed state. Never throws: a read that fails is logged
 * and the row stays as it was until the next read.
 */
export async function readDeployPrs(
  deps: { db: Db; repos: PrototypeRepos; log: Pick<Logger, "warn"> },
  options: { now: Date; ids?: string[] },
): Promise<number> {
  const rows = await deps.db.prototypeDeployPr.findMany({
    where: options.ids
      ? { requestId: { in: options.ids }, state: { in: [...REFRESHED_DEPLOY_PR_STATES] }, number: { not: null } }
      : { state: { in: [...POLLED_DEPLOY_PR_STATES] }, number: { not: null } },
    select: { ...FOLLOW_SELECT, state: true },
  });
  let moved = 0;
  for (const row of rows) {
    const [owner, name] = row.repository.split("/");
    // Note: read with the client of the organisation's repository of that name only (never another owner's).
    if (!name || deps.repos.fullName(name).toLowerCase() !== row.repository.toLowerCase()) continue;
    try {
      const pr = await deps.repos.provider(name).pullRequestState(row.number!);
      const state = await applyDeployPrState(deps.db, row, pr, options.now);
      if (state && state !== row.state) moved++;
    } catch (error) {
      deps.log.warn("reading a prototype's deployment pull request failed", { request: row.requestId, repository: `${owner}/${name}`, error: String(error) });
    }
  }
  return moved;
}

/** A pull_request webhook delivery from a repository other than the environments repository: a prototype's, if Berth opened the pull request. */
export async function applyDeployPrDelivery(
  db: Db,
  repository: string | undefined,
  pr: { number: number; state?: string; merged?: boolean; updated_at?: string; head?: { ref?: string; repo?: { full_name?: string } | null } },
  now: Date,
): Promise<{ handled: string }> {
  if (!repository || !pr.head?.ref || !pr.updated_at || (pr.state !== "open" && pr.state !== "closed")) return { handled: "ignored" };
  const row = await db.prototypeDeployPr.findFirst({
    where: { number: pr.number, repository: { equals: repository, mode: "insensitive" } },
    select: FOLLOW_SELECT,
  });
  if (!row) return { handled: "ignored" };
  const state = await applyDeployPrState(
    db,
    row,
    {
      number: pr.number,
      state: pr.state,
      merged: pr.merged === true,
      headRef: pr.head.ref,
      headRepo: pr.head.repo?.full_name ?? null,
      updatedAt: pr.updated_at,
    },
    now,
  );
  return { handled: state ? `prototype pull_request -> ${state}` : "ignored" };
}
