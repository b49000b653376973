import { execFileSync } from "node:child_process";
import path from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { migratedPostgresUrl } from "@/lib/db/testing/postgres-test-database";
import { parseEnv } from "@/lib/env";
import { startFakeGitHubRepo, type FakeGitHubRepo } from "@/lib/testing/fake-github-repo";
import { testLogger } from "@/lib/testing/test-logger";
import { createServices, type Services } from "../services";
import { campaignDiff, campaignFor, campaignPreview, cancel, retryTarget, runCampaignsTick, startCampaign } from "./campaign-service";

const repo = { owner: "acme", repo: "environments" };
const SLACK = "cloud-platform.justice.gov.uk/slack-channel";

/**
 * Campaigns end to end on GitHub (the fake, checked against GitHub's
 * description), Berth wired from its settings as in production: each
 * target's turn is a real edit request whose pull request carries the
 * campaign's label and asks the namespace's owning teams to review; a
 * namespace whose file changed on main so the edit no longer applies fails
 * at its turn and opens once main is fixed and the target retried; GitHub
 * calls per campaign pull request do not grow with the campaign.
 */
describe("campaigns on GitHub", () => {
  const url = migratedPostgresUrl("campaigns_github");
  let gh: FakeGitHubRepo;
  let services: Services;
  let octokit: Octokit;
  let now = Date.now();
  const rita: Viewer = { sessionId: "s-rita", login: "rita", name: "Rita", kind: "github", teams: ["webops"], reviewer: true };
  const upstream = (...args: string[]) => execFileSync("git", ["-C", path.join(gh.root, "upstream.git"), ...args], { encoding: "utf8" });

  beforeAll(async () => {
    gh = await startFakeGitHubRepo(8);
    const env = parseEnv(gh.settings({ DATABASE_URL: url }));
    services = createServices(env, { clock: { now: () => new Date(now) }, log: testLogger() });
    await services.syncClone();
    // The namespaces' owning teams exist in the organisation (GitHub refuses a review request of a team that does not).
    const teams = [...new Set((await services.inventory.snapshot()).namespaces.flatMap((ns) => ns.teams))];
    await gh.control.putUser({ login: "owner", teams, orgMember: true });
    octokit = new Octokit({ auth: gh.reviewerToken, baseUrl: gh.fake.apiUrl });
  }, 120_000);
  afterAll(async () => {
    await services?.close();
    await gh?.close();
  });

  /** A commit on main made outside Berth, through GitHub's git data API; Berth's clone syncs at the runner's next tick. */
  async function moveMain(file: string, content: string): Promise<void> {
    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: "heads/main" });
    const { data: head } = await octokit.rest.git.getCommit({ ...repo, commit_sha: ref.object.sha });
    const { data: tree } = await octokit.rest.git.createTree({
      ...repo,
      base_tree: head.tree.sha,
      tree: [{ path: file, mode: "100644", type: "blob", content }],
    });
    const { data: commit } = await octokit.rest.git.createCommit({ ...repo, message: "main moves", tree: tree.sha, parents: [head.sha] });
    await octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha: commit.sha });
  }

  const tick = () => runCampaignsTick(services);
  const answers = (slackChannel: string) => ({ operation: "metadata", answers: { slackChannel }, filter: {} });

  it("previews, starts, opens one labelled pull request per namespace with its owning teams (and the configured reviewer teams) as reviewers; a refused target is retried once main is fixed", async () => {
    const snapshot = await services.inventory.snapshot();
    const preview = await campaignPreview(services, rita, answers("campaign-alerts"));
    expect(preview).toMatchObject({ commit: snapshot.commit, total: 8, change: 8, skip: 0, error: 0 });
    expect(preview.targets[0]).toEqual({
      cluster: snapshot.namespaces[0]!.cluster,
      namespace: snapshot.namespaces[0]!.name,
      outcome: "change",
      files: [{ path: `${snapshot.namespaces[0]!.path}/00-namespace.yaml` }],
    });
    const [first] = snapshot.namespaces;
    const diff = await campaignDiff(services, rita, { ...answers("campaign-alerts"), cluster: first!.cluster, namespace: first!.name });
    expect(diff.files).toHaveLength(1);
    expect(diff.files[0]!.diff).toContain(`+    ${SLACK}: "campaign-alerts"`);

    const { id } = await startCampaign(services, rita, { ...answers("campaign-alerts"), title: "Alerts channel", prsPerMinute: 10 });
    // Between the start and its turn, main changes one namespace's file so the edit no longer applies there.
    const broken = snapshot.namespaces[1]!;
    const file = `${broken.path}/00-namespace.yaml`;
    const original = upstream("show", `main:${file}`);
    await moveMain(file, `${original}metadata: [unclosed\n`);

    const turns = (await tick()).turns;
    expect(turns.map((t) => [t.namespace, t.state, t.reason])).toHaveLength(8);
    let detail = await campaignFor(services, rita, id);
    expect(detail.counts).toMatchObject({ opened: 7, failed: 1, notOpened: 0 });
    const failed = detail.targets.find((t) => t.namespace === broken.name)!;
    expect(failed).toMatchObject({
      state: "failed",
      requestId: null,
      reason: expect.stringMatching(/^Refused on main as it is now: slackChannel: .*Namespace document/),
    });

    for (const target of detail.targets.filter((t) => t.state === "opened")) {
      const request = await services.db.request.findUniqueOrThrow({ where: { id: target.requestId! } });
      expect(request).toMatchObject({ campaignId: id, state: "pr_open", requester: "rita" });
      const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: request.prNumber! });
      expect(pull.labels.map((l) => l.name)).toContain(`berth-campaign-${id}`);
      const owners = snapshot.find(target.cluster, target.namespace)!.teams;
      expect(owners.length).toBeGreaterThan(0);
      expect((pull.requested_teams ?? []).map((t) => t.slug).sort()).toEqual([...new Set([...owners, ...services.draft.reviewerTeams])].sort());
      expect(target.prUrl).toBe(request.prUrl);
    }

    // Main is fixed; the reviewer retries the failed target, and its next turn opens it.
    await moveMain(file, original);
    await retryTarget(services, rita, id, { cluster: broken.cluster, namespace: broken.name });
    now += 61_000;
    expect((await tick()).turns.map((t) => [t.namespace, t.state])).toEqual([[broken.name, "opened"]]);
    detail = await campaignFor(services, rita, id);
    expect(detail.campaign.state).toBe("finished");
    expect(detail.counts).toMatchObject({ opened: 8, failed: 0 });
    expect(detail.targets.find((t) => t.namespace === broken.name)).toMatchObject({ state: "opened", attempts: 1, requestState: "pr_open" });
    expect(gh.fake.violations()).toEqual([]);
  }, 300_000);

  it("cancel closes every open pull request of the campaign with a comment naming it", async () => {
    now += 61_000;
    const { id } = await startCampaign(services, rita, { ...answers("cancel-alerts"), filter: { cluster: "live" }, title: "To be cancelled", prsPerMinute: 2 });
    await tick();
    const opened = await services.db.request.findMany({ where: { campaignId: id } });
    expect(opened).toHaveLength(2);
    const waiting = await services.db.campaignTarget.count({ where: { campaignId: id, state: "pending" } });
    expect(waiting).toBeGreaterThan(0);
    await expect(cancel(services, { ...rita, reviewer: false }, id)).rejects.toMatchObject({ code: "forbidden" });
    await cancel(services, rita, id);
    for (const request of opened) {
      const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: request.prNumber! });
      expect(pull.state).toBe("closed");
      const { data: comments } = await octokit.rest.issues.listComments({ ...repo, issue_number: request.prNumber! });
      expect(comments.map((c) => c.body)).toContain(`Closed in Berth by rita: campaign "To be cancelled" (${id}) was cancelled.`);
    }
    const detail = await campaignFor(services, rita, id);
    expect(detail.counts.closed).toBe(2);
    expect(detail.counts.cancelled).toBe(waiting);
    expect(gh.fake.violations()).toEqual([]);
  }, 300_000);

  it("GitHub calls per campaign pull request are constant: a campaign of 6 namespaces costs twice one of 3", async () => {
    const cost = async (namespaces: number, channel: string) => {
      now += 61_000;
      const { id } = await startCampaign(services, rita, { ...answers(channel), title: channel, prsPerMinute: 10 });
      // Keep the first `namespaces` targets: the others are cancelled before any turn.
      const pending = await services.db.campaignTarget.findMany({
        where: { campaignId: id, state: "pending" },
        orderBy: [{ cluster: "asc" }, { namespace: "asc" }],
      });
      expect(pending.length).toBeGreaterThanOrEqual(namespaces);
      for (const t of pending.slice(namespaces))
        await services.db.campaignTarget.update({
          where: { campaignId_cluster_namespace: { campaignId: id, cluster: t.cluster, namespace: t.namespace } },
          data: { state: "cancelled" },
        });
      await gh.control.resetCalls();
      const { turns } = await tick();
      expect(turns.map((t) => [t.state, t.reason])).toEqual(Array(namespaces).fill(["opened", null]));
      return (await gh.control.calls()).total;
    };
    const three = await cost(3, "three-alerts");
    const six = await cost(6, "six-alerts");
    expect(three).toBeGreaterThan(0);
    expect(six).toBe(2 * three);
    console.info(`GitHub calls: campaign of 3 namespaces ${three} (${three / 3} per pull request), of 6 namespaces ${six} (${six / 6} per pull request)`);
  }, 300_000);
});
