import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";
import type { Services } from "../services";
import { canSeeRequest } from "./request-access";
import { pollPullRequests } from "./poll-pull-requests";
import { readDeployPrs, REFRESHED_DEPLOY_PR_STATES } from "./follow-prototype-deploy-pr";

/** A request's snapshot is read again at most this often, whoever asks. */
export const REFRESH_MIN_MS = 30_000;

/**
 * Someone who may see the request asks Berth to read its pull request now
 * (one batched GraphQL read), and a prototype site's deployment pull request
 * with it (one conditional REST read). Note: limited per request (a snapshot
 * younger than 30 s is kept, whoever asks; the route also limits per user), and
 * refused while the rate-limit budget is below its reserve, so refreshes
 * never spend what submitting and reviewing need.
 */
export async function refreshPullRequest(
  deps: Pick<Services, "db" | "env" | "git" | "clock" | "log" | "githubCost">,
  viewer: Viewer | null,
  id: string,
): Promise<{ refreshed: boolean; fetchedAt: string | null }> {
  authorize(viewer, canBrowseInventory(viewer));
  const row = await deps.db.request.findUnique({
    where: { id },
    select: { id: true, team: true, requester: true, prNumber: true, prFetchedAt: true },
  });
  if (!row || !canSeeRequest(viewer, row)) throw new AppError("not_found", "No such request");
  const { reader, prototypeRepos } = deps.git;
  const repo = deps.env.GITHUB_ENVIRONMENTS_REPO;
  // A prototype site's deployment pull request, in its own repository, is read with it (follow-prototype-deploy-pr.ts), under its own 30 s floor.
  const deploy = prototypeRepos
    ? await deps.db.prototypeDeployPr.findFirst({
        where: { requestId: id, state: { in: [...REFRESHED_DEPLOY_PR_STATES] }, number: { not: null } },
        select: { fetchedAt: true },
      })
    : null;
  if (!reader || !repo || (row.prNumber === null && !deploy)) throw new AppError("not_found", "This request has no pull request on GitHub to refresh");
  const now = deps.clock.now();
  const fresh = (at: Date | null) => at !== null && now.getTime() - at.getTime() < REFRESH_MIN_MS;
  const readMain = row.prNumber !== null && !fresh(row.prFetchedAt);
  const readDeploy = deploy !== null && !fresh(deploy.fetchedAt);
  if (!readMain && !readDeploy) return { refreshed: false, fetchedAt: row.prFetchedAt?.toISOString() ?? null };
  if (deps.githubCost.budget.backgroundPaused()) {
    const resets = deps.githubCost.budget.state().windows.map((w) => w.resetAt.getTime());
    const retryAfter = Math.max(1, Math.ceil((Math.max(...resets, now.getTime()) - now.getTime()) / 1000));
    throw new AppError(
      "rate_limited",
      "GitHub's rate limit is low: refreshing waits until it resets; submitting and reviewing still work",
      undefined,
      retryAfter,
    );
  }
  if (readMain) await pollPullRequests(deps.db, reader, deps.log, repo, { ids: [id], now, source: "refresh" });
  if (readDeploy && prototypeRepos) await readDeployPrs({ db: deps.db, repos: prototypeRepos, log: deps.log }, { now, ids: [id] });
  return { refreshed: true, fetchedAt: (readMain ? now : row.prFetchedAt)?.toISOString() ?? null };
}
