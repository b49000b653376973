/**
 * GitHub's cost to Berth, measured through the fake GitHub's call counts with
 * Berth wired as in production and a clock the worker moves (no sleeping):
 * calls per simulated hour of poller ticks at 10, 100 and 500 open requests,
 * with webhooks silent and healthy (a delivery every 5 minutes), and calls
 * and time per request page view. Writes JSON to BENCH_GITHUB_OUT. Run by
 * Vitest with scripts/bench/vitest.github-cost.config.ts (Berth's services
 * and @octokit's ESM-only packages load there as in the tests), never by `npm test`.
 */
import { writeFileSync } from "node:fs";
import { it } from "vitest";
import { startGitHubCostWorld } from "../../lib/testing/github-cost-world";
import { pollOpenPullRequests, requestFor } from "../../lib/server/requests/request-service";
import { summarize } from "./stats";

const MINUTE = 60_000;
const SIZES = (process.env.BENCH_GITHUB_SIZES ?? "10,100,500").split(",").map(Number);

async function measure(open: number) {
  const world = await startGitHubCostWorld(open);
  try {
    const hour = async (healthy: boolean) => {
      await world.gh.control.resetCalls();
      // The poller's timer ticks every BERTH_POLL_SECONDS (60); the schedule decides which ticks read.
      for (let minute = 0; minute < 60; minute++) {
        if (healthy && minute % 5 === 0) await world.deliver();
        await pollOpenPullRequests(world.services);
        world.clock.advance(MINUTE);
      }
      return (await world.calls()).total;
    };
    const silent = await hour(false);
    // Past the silent window, so the healthy hour starts with webhooks as the only news.
    world.clock.advance(MINUTE);
    const healthy = await hour(true);

    await world.gh.control.resetCalls();
    const samples: number[] = [];
    for (let i = 0; i < 50; i++) {
      const id = world.requests[i % world.requests.length]!;
      const started = performance.now();
      const page = await requestFor(world.services, world.reviewer, id);
      samples.push(performance.now() - started);
      if (!page.pullRequest) throw new Error(`request ${id} has no snapshot`);
    }
    const pageCalls = (await world.calls()).total / samples.length;
    const violations = world.gh.fake.violations();
    if (violations.length > 0) throw new Error(`fake GitHub violations: ${violations.join("; ")}`);
    return { open, silent, healthy, pageCalls, pageMs: summarize(samples) };
  } finally {
    await world.close();
  }
}

it("measures GitHub's cost", async () => {
  const results = [];
  for (const open of SIZES) {
    results.push(await measure(open));
    writeFileSync(process.env.BENCH_GITHUB_OUT ?? ".berth/bench/github-cost.json", JSON.stringify(results));
  }
});
