import { createGitHubBudget, type GitHubBudget } from "@/lib/git/github-budget";
import type { Env } from "@/lib/env";
import type { Clock } from "./clock";
import { createPollSchedule, type PollSchedule } from "./requests/poll-schedule";

/** What GitHub costs: the bot's rate-limit budget (from every answer) and when the poller reads next. */
export interface GitHubCost {
  budget: GitHubBudget;
  schedule: PollSchedule;
}

/** The budget and schedule a Berth with these settings keeps (also the tests' and the bench's). */
export function createGitHubCost(env: Pick<Env, "BERTH_POLL_SECONDS" | "BERTH_POLL_STRETCHED_SECONDS" | "BERTH_GITHUB_RESERVE">, clock: Clock): GitHubCost {
  const now = () => clock.now();
  const stretchedMs = env.BERTH_POLL_STRETCHED_SECONDS * 1000;
  return {
    budget: createGitHubBudget({ reserve: env.BERTH_GITHUB_RESERVE, now }),
    schedule: createPollSchedule({ baseMs: env.BERTH_POLL_SECONDS * 1000, stretchedMs, silentAfterMs: 2 * stretchedMs, perQueryMs: 30_000, now }),
  };
}
