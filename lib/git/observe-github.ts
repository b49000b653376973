import type { Octokit } from "@octokit/rest";

/** One GitHub REST call as metrics see it: the route template (never the token or full URL), its status and the rate limit left. */
export interface GitHubCall {
  method: string;
  /** Octokit's route template, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`: few distinct values. */
  route: string;
  /** 0 when no answer arrived (network error, timeout). */
  status: number;
  durationMs: number;
  rateLimitRemaining: number | null;
}

export type GitHubCallListener = (call: GitHubCall) => void;

// Note: Octokit instances are made in several modules and Next bundles them
// apart; one listener on globalThis lets wiring count them all.
const holder = globalThis as typeof globalThis & { berthGitHubListener?: GitHubCallListener };

/** Wiring sets where calls are reported (the metrics); undefined stops reporting. */
export function setGitHubCallListener(listener: GitHubCallListener | undefined): void {
  holder.berthGitHubListener = listener;
}

function remaining(headers: Record<string, unknown> | undefined): number | null {
  const value = headers?.["x-ratelimit-remaining"];
  return value === undefined ? null : Number(value);
}

/** Reports every attempt this client makes (retries included, so a flaky GitHub shows as extra calls). */
export function observeGitHub(octokit: Pick<Octokit, "hook">): void {
  octokit.hook.wrap("request", async (request, options) => {
    const started = performance.now();
    const report = (status: number, headers: Record<string, unknown> | undefined) =>
      holder.berthGitHubListener?.({ method: String(options.method), route: String(options.url), status, durationMs: performance.now() - started, rateLimitRemaining: remaining(headers) });
    try {
      const response = await request(options);
      report(response.status, response.headers as Record<string, unknown>);
      return response;
    } catch (error) {
      const failed = error as { status?: number; response?: { headers?: Record<string, unknown> } };
      report(typeof failed.status === "number" ? failed.status : 0, failed.response?.headers);
      throw error;
    }
  });
}
