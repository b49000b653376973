import type { Octokit, OctokitOptions } from "@octokit/core";

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

function remaining(headers: Record<string, unknown> | undefined): number | null {
  const value = headers?.["x-ratelimit-remaining"];
  return value === undefined ? null : Number(value);
}

/**
 * An Octokit plugin that tells the constructor option `onCall` of every
 * attempt the client makes. Note: createOctokit installs it before the retry
 * and throttling plugins, so it sits inside them and sees each retry as a
 * call of its own: a flaky GitHub shows as extra calls.
 */
export function observeGitHub(octokit: Octokit, options: OctokitOptions): void {
  const onCall = options.onCall as ((call: GitHubCall) => void) | undefined;
  if (!onCall) return;
  octokit.hook.wrap("request", async (request, params) => {
    const started = performance.now();
    const report = (status: number, headers: Record<string, unknown> | undefined) =>
      onCall({
        method: String(params.method),
        route: String(params.url),
        status,
        durationMs: performance.now() - started,
        rateLimitRemaining: remaining(headers),
      });
    try {
      const response = await request(params);
      report(response.status, response.headers as Record<string, unknown>);
      return response;
    } catch (error) {
      // Octokit gives a network failure status 500 but no response: that is no answer.
      const failed = error as { status?: number; response?: { headers?: Record<string, unknown> } };
      report(failed.response && typeof failed.status === "number" ? failed.status : 0, failed.response?.headers);
      throw error;
    }
  });
}
