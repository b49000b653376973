import { resolveRevision } from "@/lib/environments/repository/resolve-commit";
import { PULL_REQUESTS_PER_QUERY } from "@/lib/git/read-pull-requests";
import type { Services } from "../services";
import { reapplyEdit } from "./edit-request-service";
import { pollPullRequests } from "./poll-pull-requests";
import { FOLLOWED_STATES } from "./request-state";
import { POLLED_DEPLOY_PR_STATES, readDeployPrs } from "./follow-prototype-deploy-pr";

export interface PollRound {
  /** Whether this tick read pull requests from GitHub. */
  read: boolean;
  moved: number;
  mode: "webhooks" | "polling";
  paused: boolean;
}

/**
 * One tick of the poller (on the lease holder): reads the followed requests'
 * pull requests when the schedule says a round is due (stretched while
 * webhooks arrive, shortened when they are silent or missed a change, and at
 * least 30 s per query), never while the rate-limit budget is below its
 * reserve. A new head of the base branch (in the clone, synced by the push
 * webhook and every interval) makes the next rounds due sooner: that is how
 * a pull request that stopped merging is found, and an edit re-applied.
 * Ticks in between cost three small database reads, a rev-parse of the clone
 * and no GitHub call. A round also reads the open deployment pull requests in
 * prototypes' repositories (one conditional REST read each: a 304, costing no
 * rate limit, while unchanged; follow-prototype-deploy-pr.ts), so they are not
 * counted as queries that stretch the interval.
 */
export async function pollRound(
  deps: Pick<Services, "db" | "env" | "git" | "clock" | "log" | "githubCost" | "metrics" | "profile" | "inventory" | "clusters" | "syncClone">,
): Promise<PollRound> {
  const { reader } = deps.git;
  const repo = deps.env.GITHUB_ENVIRONMENTS_REPO;
  const { budget, schedule } = deps.githubCost;
  const { prototypeRepos } = deps.git;
  const [open, deployPrs, last, base] = await Promise.all([
    deps.db.request.count({ where: { state: { in: [...FOLLOWED_STATES] }, prNumber: { not: null } } }),
    prototypeRepos ? deps.db.prototypeDeployPr.count({ where: { state: { in: [...POLLED_DEPLOY_PR_STATES] }, number: { not: null } } }) : 0,
    deps.db.webhookDelivery.findFirst({ orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
    resolveRevision(deps.env.environmentsRepo).catch(() => null),
  ]);
  if (base) schedule.baseIs(base);
  const lastDeliveryAt = last?.receivedAt ?? null;
  const queries = Math.ceil(open / PULL_REQUESTS_PER_QUERY);
  const mode = schedule.mode(lastDeliveryAt);
  const paused = budget.backgroundPaused();
  deps.metrics.githubPolling(mode, schedule.intervalMs(lastDeliveryAt, queries) / 1000, paused);
  if (!reader || !repo || open + deployPrs === 0 || paused || !schedule.due(lastDeliveryAt, queries)) return { read: false, moved: 0, mode, paused };
  schedule.polled();
  const moved =
    open === 0
      ? 0
      : await pollPullRequests(deps.db, reader, deps.log, repo, {
          now: deps.clock.now(),
          onMissed: () => schedule.missed(),
          onConflict: (id) => reapplyEdit(deps, id),
        });
  if (prototypeRepos && deployPrs > 0) await readDeployPrs({ db: deps.db, repos: prototypeRepos, log: deps.log }, { now: deps.clock.now() });
  return { read: true, moved, mode: schedule.mode(lastDeliveryAt), paused };
}
