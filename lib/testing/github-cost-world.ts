import { randomUUID } from "node:crypto";
import path from "node:path";
import { Webhooks } from "@octokit/webhooks";
import type { Viewer } from "@/lib/auth/viewer";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import { parseEnv } from "@/lib/env";
import { createServices, type Services } from "@/lib/server/services";
import { receiveWebhook } from "@/lib/server/requests/request-service";
import { testLogger } from "./test-logger";
import { startFakeGitHubRepo, type FakeGitHubRepo } from "./fake-github-repo";

const SECRET = "webhook-secret-0123456789";

export interface GitHubCostWorld {
  gh: FakeGitHubRepo;
  services: Services;
  clock: { now(): Date; advance(ms: number): void };
  reviewer: Viewer;
  /** Request ids of the open requests seeded, each bound to an open pull request. */
  requests: string[];
  /** How many calls the fake has counted since the last reset. */
  calls(): Promise<{ total: number; graphql: number }>;
  /** A webhook delivery as GitHub sends it (a push to a branch that is not main), received at the clock's time. */
  deliver(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Berth wired as in production (settings -> services, a migrated embedded
 * database, the bot's token) against the fake GitHub, with `open` requests
 * each bound to an open pull request, and a clock the caller moves: what the
 * tests and the bench measure GitHub's cost with.
 */
export async function startGitHubCostWorld(open: number): Promise<GitHubCostWorld> {
  const gh = await startFakeGitHubRepo(3);
  let now = Date.now();
  const clock = { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
  const env = parseEnv(gh.settings({ GITHUB_WEBHOOK_SECRET: SECRET }));
  await migrateDatabase(env, { root: path.resolve(__dirname, "../..") });
  const services = createServices(env, { clock, log: testLogger() });
  await services.syncClone();

  // Pull requests from branches that share one commit: the first opened as Berth opens them, the rest seeded by the fake in one call.
  const first = await services.git.provider.openPullRequest({
    branch: "berth/cost-0",
    title: "cost 0",
    body: "",
    commitMessage: "cost",
    files: [{ path: "cost/one.yaml", content: "a: 1\n" }],
    labels: [],
    reviewerTeams: [],
  });
  const heads = Array.from({ length: open - 1 }, (_, i) => `berth/cost-${i + 1}`);
  const seeded = heads.length === 0 ? [] : await gh.control.openPulls({ sha: first.headSha, heads, author: "bot" });
  const pulls = [{ branch: "berth/cost-0", number: first.number! }, ...seeded.map((pull) => ({ branch: pull.head, number: pull.number }))];
  const requests = pulls.map((_, i) => `cost-${i}`);
  await services.db.request.createMany({
    data: pulls.map((pull, i) => ({
      id: requests[i]!,
      kind: "namespace" as const,
      state: "pr_open" as const,
      cluster: "live",
      namespace: `cost-${i}`,
      team: "webops",
      requester: "alice",
      answers: namespaceRequestFixture({ name: `cost-${i}`, team: "webops" }) as object,
      files: [],
      branch: pull.branch,
      prNumber: pull.number,
      prUrl: `${gh.fake.url}/acme/environments/pull/${pull.number}`,
      prHeadRepo: "acme/environments",
      headSha: first.headSha,
      pushedSha: first.headSha,
    })),
  });
  await gh.control.resetCalls();

  const webhooks = new Webhooks({ secret: SECRET });
  return {
    gh,
    services,
    clock,
    reviewer: { sessionId: "s-rita", login: "rita", name: "Rita", kind: "github", teams: ["webops"], reviewer: true },
    requests,
    async calls() {
      const counted = await gh.control.calls();
      return { total: counted.total, graphql: counted.calls.find((c) => c.operationId === "graphql")?.count ?? 0 };
    },
    async deliver() {
      // Each push moves the branch to a new commit, so no two deliveries carry the same payload (a replay).
      const after = randomUUID().replace(/-/g, "").padEnd(40, "0");
      const rawBody = JSON.stringify({ ref: "refs/heads/some-branch", after, repository: { full_name: "acme/environments" }, sender: { login: "someone" } });
      await receiveWebhook(services, { rawBody, event: "push", delivery: randomUUID(), signature: await webhooks.sign(rawBody) });
    },
    async close() {
      await services.close();
      await gh.close();
    },
  };
}
