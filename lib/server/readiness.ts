import { checkReadiness, type Readiness } from "./check-readiness";
import { clusterHealth } from "./cluster-health";
import type { Services } from "./services";

/** What GitHub's rate limit allows now: said on /api/ready, never a reason to take the replica out of traffic. */
export interface GitHubReadiness {
  /** `paused`: the bot's rate limit is below its reserve; the poller and refreshes wait, user actions go on. */
  backgroundReads: "running" | "paused";
  reserve: number;
  rateLimits: { resource: string; remaining: number; resetAt: string }[];
}

/** This replica's readiness (see checkReadiness), with its real database, index and clusters, and GitHub's budget as a note. */
export async function readiness(
  deps: Pick<Services, "db" | "inventory" | "clusters" | "profile"> & Partial<Pick<Services, "githubCost" | "env">>,
): Promise<Readiness & { github?: GitHubReadiness }> {
  const result = await checkReadiness({
    pingDatabase: () => deps.db.$queryRaw`SELECT 1`,
    inventory: () => deps.inventory.status(),
    clusters: () => clusterHealth(deps),
  });
  if (!deps.githubCost || deps.env?.BERTH_GIT_PROVIDER !== "github") return result;
  const budget = deps.githubCost.budget.state();
  return {
    ...result,
    github: {
      backgroundReads: budget.backgroundPaused ? "paused" : "running",
      reserve: budget.reserve,
      rateLimits: budget.windows.map((w) => ({ resource: w.resource, remaining: w.remaining, resetAt: w.resetAt.toISOString() })),
    },
  };
}
