import type { Octokit, OctokitOptions } from "@octokit/core";

/** One GitHub call (REST or GraphQL) as metrics see it: the route template (never the token or full URL), its status and the rate limit left. */
export interface GitHubCall {
  method: string;
  /** Octokit's route template, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`: few distinct values. */
  route: string;
  /** The route, or for GraphQL `graphql <operation name>`: what `berth_github_requests_total` is labelled by. */
  operation: string;
  /** 0 when no answer arrived (network error, timeout); 304 for a conditional read that did not count against the limit. */
  status: number;
  durationMs: number;
  rateLimitRemaining: number | null;
  /** x-ratelimit-reset, seconds since the epoch. */
  rateLimitReset: number | null;
  /** x-ratelimit-resource: core, graphql, search, ... */
  rateLimitResource: string | null;
}

function header(headers: Record<string, unknown> | undefined, name: string): number | null {
  const value = headers?.[name];
  return value === undefined ? null : Number(value);
}

/** GraphQL calls are told apart by their operation name (`query PullRequestSnapshots`), never by their text. */
function operationOf(route: string, query: unknown): string {
  if (route !== "/graphql") return route;
  const name = typeof query === "string" ? /\b(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(query)?.[1] : undefined;
  return `graphql ${name ?? "anonymous"}`;
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
    const route = String(params.url);
    const report = (status: number, headers: Record<string, unknown> | undefined) =>
      onCall({
        method: String(params.method),
        route,
        operation: operationOf(route, (params as { query?: unknown }).query),
        status,
        durationMs: performance.now() - started,
        rateLimitRemaining: header(headers, "x-ratelimit-remaining"),
        rateLimitReset: header(headers, "x-ratelimit-reset"),
        rateLimitResource: typeof headers?.["x-ratelimit-resource"] === "string" ? headers["x-ratelimit-resource"] : null,
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
