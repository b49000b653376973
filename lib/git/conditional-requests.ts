import type { Octokit } from "@octokit/core";

const MAX_ENTRIES = 500;

/**
 * An Octokit plugin for conditional reads: a GET answered with an ETag is
 * remembered, the next GET of the same URL sends If-None-Match, and GitHub's
 * 304 (which does not count against the rate limit) is answered with the
 * remembered response. Note: the cache belongs to one client, so to one
 * identity (the bot); user clients are made per call and keep nothing.
 */
export function conditionalRequests(octokit: Octokit): void {
  const cache = new Map<string, { etag: string; response: Awaited<ReturnType<Octokit["request"]>> }>();
  octokit.hook.wrap("request", async (request, params) => {
    if (String(params.method).toUpperCase() !== "GET") return request(params);
    const key = octokit.request.endpoint.parse(params).url;
    const cached = cache.get(key);
    // Note: before-after-hook binds the options for the hooks inside this one, so they are changed in place, not replaced.
    if (cached) params.headers = { ...params.headers, "if-none-match": cached.etag };
    try {
      const response = await request(params);
      const etag = (response.headers as Record<string, unknown>).etag;
      cache.delete(key);
      if (typeof etag === "string") cache.set(key, { etag, response });
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      return response;
    } catch (error) {
      if (!cached || (error as { status?: number }).status !== 304) throw error;
      return cached.response;
    }
  });
}
