import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postGitHubReview } from "@/lib/git/github-review";
import { startGitHubCostWorld, type GitHubCostWorld } from "@/lib/testing/github-cost-world";
import { readiness } from "./readiness";
import { pollRound } from "./requests/poll-round";
import { refreshPullRequest } from "./requests/refresh-pull-request";
import { pollOpenPullRequests, requestFor } from "./requests/request-service";
import { requestStateFor } from "./requests/request-state-for";

/** Berth as in production against the fake GitHub: what a page view, a poll and a low rate limit cost. */
describe("GitHub cost, wired", () => {
  let world: GitHubCostWorld;
  beforeAll(async () => {
    world = await startGitHubCostWorld(3);
  }, 120_000);
  afterAll(async () => world?.close());

  it("polls every open request in one GraphQL query and stores the snapshots; a page view then makes no GitHub call", async () => {
    const { services, reviewer, requests } = world;
    await pollOpenPullRequests(services);
    expect(await world.calls()).toEqual({ total: 1, graphql: 1 });

    await world.gh.control.resetCalls();
    const page = await requestFor(services, reviewer, requests[0]!);
    await requestStateFor(services, reviewer, requests[0]!);
    expect(await world.calls()).toEqual({ total: 0, graphql: 0 });
    expect(page.pullRequest).toMatchObject({ state: "open", headRef: "berth/cost-0", source: "poll", fetchedAt: world.clock.now().toISOString() });

    // A refresh is one batched read, and a second one within 30 s keeps the snapshot without asking GitHub.
    world.clock.advance(60_000);
    await expect(refreshPullRequest(services, reviewer, requests[1]!)).resolves.toMatchObject({ refreshed: true });
    await expect(refreshPullRequest(services, reviewer, requests[1]!)).resolves.toMatchObject({ refreshed: false });
    expect(await world.calls()).toEqual({ total: 1, graphql: 1 });
    expect(world.gh.fake.violations()).toEqual([]);
  });

  it("below the reserve pauses background reads and says so, while user actions keep working", async () => {
    const { services, reviewer, requests, gh } = world;
    await gh.control.setRateLimitRemaining(100);
    try {
      // Someone submits: their pull request opens, and GitHub's answers tell Berth the budget is low.
      const opened = await services.git.provider.openPullRequest({
        branch: "berth/while-low",
        title: "while low",
        body: "",
        commitMessage: "low",
        files: [{ path: "low/one.yaml", content: "a: 1\n" }],
        labels: ["berth"],
        reviewerTeams: [],
      });
      expect(opened.number).toEqual(expect.any(Number));
      expect(services.githubCost.budget.backgroundPaused()).toBe(true);

      await gh.control.resetCalls();
      world.clock.advance(30 * 60_000);
      await expect(pollRound(services)).resolves.toMatchObject({ read: false, paused: true });
      await expect(refreshPullRequest(services, reviewer, requests[2]!)).rejects.toMatchObject({ code: "rate_limited" });
      expect(await world.calls()).toEqual({ total: 0, graphql: 0 });

      // A reviewer still reviews, with their own token.
      await postGitHubReview({
        apiUrl: gh.fake.apiUrl,
        owner: "acme",
        repo: "environments",
        token: gh.reviewerToken,
        number: opened.number!,
        event: "APPROVE",
        body: "",
        commitId: opened.headSha,
      });
      expect((await world.calls()).total).toBe(1);

      const ready = await readiness(services);
      expect(ready.github).toMatchObject({ backgroundReads: "paused", reserve: 500 });
      expect(ready.github!.rateLimits.find((w) => w.resource === "core")!.remaining).toBeLessThan(500);
      const { body } = await services.metrics.render();
      expect(body).toMatch(/^berth_github_background_paused 1$/m);
      expect(body).toMatch(/^berth_github_poll_mode\{mode="polling"\} 1$/m);
    } finally {
      await gh.control.setRateLimitRemaining(null);
    }
  });
});
