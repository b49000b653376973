import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHubRepo, type FakeGitHubRepo } from "@/lib/testing/fake-github-repo";
import { createGitHubBudget } from "./github-budget";
import { createGitHubProvider } from "./github-provider";
import { createOctokit } from "./create-octokit";
import type { PullRequestDraft } from "./git-provider";
import type { GitHubCall } from "./observe-github";

/** What GitHub costs Berth, measured through the fake's own call counts. */
describe("GitHub cost", () => {
  let gh: FakeGitHubRepo;
  const calls: GitHubCall[] = [];
  let provider: ReturnType<typeof createGitHubProvider>;

  beforeAll(async () => {
    gh = await startFakeGitHubRepo();
    provider = createGitHubProvider({
      apiUrl: gh.fake.apiUrl,
      auth: gh.botToken,
      owner: "acme",
      repo: "environments",
      baseBranch: "main",
      onCall: (call) => calls.push(call),
    });
  });
  afterAll(async () => gh?.close());

  const draft = (name: string, files: number): PullRequestDraft => ({
    branch: `berth/${name}`,
    title: `Namespace ${name}`,
    body: "Opened by Berth",
    commitMessage: `Add ${name}`,
    files: Array.from({ length: files }, (_, i) => ({ path: `namespaces/live.cloud-platform.service.justice.gov.uk/${name}/${i}.yaml`, content: `n: ${i}\n` })),
    labels: ["berth"],
    reviewerTeams: [],
  });

  it("opens a pull request in the same 8 calls with 1 file or 20", async () => {
    const cost = async (name: string, files: number) => {
      await gh.control.resetCalls();
      await provider.openPullRequest(draft(name, files));
      return (await gh.control.calls()).total;
    };
    expect(await cost("one-file", 1)).toBe(8);
    expect(await cost("twenty-files", 20)).toBe(8);
    expect(gh.fake.violations()).toEqual([]);
  });

  it("reads open, merged and unknown pull requests with reviews, check runs and comments in one GraphQL query", async () => {
    const open = await provider.openPullRequest(draft("reviewed", 1));
    const merged = await provider.openPullRequest(draft("merged", 1));
    const rita = new Octokit({ auth: gh.reviewerToken, baseUrl: gh.fake.apiUrl });
    const repo = { owner: "acme", repo: "environments" };
    await rita.rest.pulls.createReview({ ...repo, pull_number: open.number!, event: "APPROVE", body: "Fine by me" });
    await rita.rest.issues.createComment({ ...repo, issue_number: open.number!, body: "Plan attached" });
    await gh.control.putCheck({ sha: open.headSha, name: "plan", conclusion: "success" });
    await rita.rest.pulls.merge({ ...repo, pull_number: merged.number! });

    await gh.control.resetCalls();
    const read = await provider.readPullRequests([open.number!, merged.number!, 9999]);
    expect((await gh.control.calls()).calls).toEqual([{ method: "POST", operationId: "graphql", count: 1 }]);
    expect([...read.keys()].sort()).toEqual([open.number, merged.number].sort());
    expect(read.get(open.number!)).toMatchObject({
      state: "open",
      merged: false,
      headSha: open.headSha,
      headRef: "berth/reviewed",
      headRepo: "acme/environments",
      reviews: [{ user: "rita", state: "APPROVED", body: "Fine by me" }],
      comments: [{ user: "rita", body: "Plan attached" }],
      checks: [{ name: "plan", status: "completed", conclusion: "success" }],
    });
    expect(read.get(merged.number!)).toMatchObject({ state: "closed", merged: true });
    expect(calls.at(-1)).toMatchObject({ operation: "graphql PullRequestSnapshots", rateLimitResource: "graphql", status: 200 });
    expect(gh.fake.violations()).toEqual([]);
  });

  it("fails the test run on a query that is not valid against GitHub's schema", async () => {
    const octokit = new Octokit({ auth: gh.botToken, baseUrl: gh.fake.apiUrl });
    await expect(octokit.graphql(`query { repository(owner: "acme", name: "environments") { pullRequest(number: 1) { reviewCount } } }`)).rejects.toMatchObject(
      {
        status: 500,
      },
    );
    expect(gh.fake.violations()).toEqual([expect.stringMatching(/POST \/graphql: .*Cannot query field "reviewCount" on type "PullRequest"/)]);
    await gh.control.clearViolations();
  });

  it("answers a repeated REST read with 304 from its ETag, not counted against the limit", async () => {
    const seen: GitHubCall[] = [];
    const octokit = createOctokit({ auth: gh.botToken, baseUrl: gh.fake.apiUrl, onCall: (call) => seen.push(call) });
    const ref = { owner: "acme", repo: "environments", ref: "heads/main" };
    await gh.control.resetCalls();
    const first = await octokit.rest.git.getRef(ref);
    const second = await octokit.rest.git.getRef(ref);
    expect(second.data).toEqual(first.data);
    expect(seen.map((c) => c.status)).toEqual([200, 304]);
    expect(seen[1]!.rateLimitRemaining).toBe(seen[0]!.rateLimitRemaining);
    expect(await gh.control.calls()).toMatchObject({ total: 2, notModified: 1 });
  });

  it("reports rate-limit headers that a test drives low, and the budget pauses background reads on them", async () => {
    const now = new Date();
    const budget = createGitHubBudget({ reserve: 500, now: () => now });
    const octokit = createOctokit({ auth: gh.botToken, baseUrl: gh.fake.apiUrl, onCall: (call) => budget.observe(call) });
    await octokit.rest.repos.get({ owner: "acme", repo: "environments" });
    expect(budget.backgroundPaused()).toBe(false);
    await gh.control.setRateLimitRemaining(100);
    try {
      await octokit.graphql(`query Probe { repository(owner: "acme", name: "environments") { nameWithOwner } }`);
      expect(budget.state().windows).toMatchObject([
        { resource: "core", remaining: expect.any(Number) },
        { resource: "graphql", remaining: 99 },
      ]);
      expect(budget.backgroundPaused()).toBe(true);
    } finally {
      await gh.control.setRateLimitRemaining(null);
    }
  });
});
