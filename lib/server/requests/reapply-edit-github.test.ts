import { execFileSync } from "node:child_process";
import path from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubCostWorld, type GitHubCostWorld } from "@/lib/testing/github-cost-world";
import { submitEdit } from "./edit-request-service";
import { pollRound } from "./poll-round";

const repo = { owner: "acme", repo: "environments" };
const SLACK = "cloud-platform.justice.gov.uk/slack-channel";

/**
 * The whole loop on GitHub (the fake, checked against GitHub's description),
 * Berth wired as in production: an edit request's pull request stops merging
 * when main changes the same file; the poller finds it and re-applies the
 * edit onto main on the same branch, or, when the edit itself no longer
 * applies, leaves the request in conflict with what to do.
 */
describe("re-applying an edit request on GitHub", () => {
  let world: GitHubCostWorld;
  let octokit: Octokit;
  const upstream = (...args: string[]) => execFileSync("git", ["-C", path.join(world.gh.root, "upstream.git"), ...args], { encoding: "utf8" });
  beforeAll(async () => {
    world = await startGitHubCostWorld(1);
    octokit = new Octokit({ auth: world.gh.reviewerToken, baseUrl: world.gh.fake.apiUrl });
  }, 120_000);
  afterAll(async () => world?.close());

  /** A commit on main made outside Berth (as another merged pull request would be), through GitHub's git data API; Berth's clone syncs as a push makes it. */
  async function moveMain(file: string, change: (text: string) => string | null): Promise<string> {
    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: "heads/main" });
    const { data: head } = await octokit.rest.git.getCommit({ ...repo, commit_sha: ref.object.sha });
    const content = change(upstream("show", `${head.sha}:${file}`));
    const { data: tree } = await octokit.rest.git.createTree({
      ...repo,
      base_tree: head.tree.sha,
      tree: [content === null ? { path: file, mode: "100644", type: "blob", sha: null } : { path: file, mode: "100644", type: "blob", content }],
    });
    const { data: commit } = await octokit.rest.git.createCommit({ ...repo, message: "main moves", tree: tree.sha, parents: [head.sha] });
    await octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha: commit.sha });
    await world.services.syncClone();
    return commit.sha;
  }

  /** Poll rounds as the poller runs them, `stepMs` apart, until Berth itself records an event for the request (at most `rounds`): the new events. */
  async function pollUntilBerthActs(id: string, rounds: number, stepMs = 60_000) {
    const events = () => world.services.db.requestEvent.findMany({ where: { requestId: id }, orderBy: { id: "asc" } });
    const before = (await events()).length;
    for (let i = 0; i < rounds; i++) {
      world.clock.advance(stepMs);
      await pollRound(world.services);
      const now = (await events()).slice(before);
      if (now.some((e) => e.actor === "berth")) return now;
    }
    return (await events()).slice(before);
  }

  async function submitSlackEdit(index: number) {
    const namespace = (await world.services.inventory.snapshot()).namespaces[index]!;
    const body = { cluster: namespace.cluster, namespace: namespace.name, operation: "metadata", answers: { slackChannel: "orders-alerts" } };
    const { id } = await submitEdit(world.services, world.reviewer, body);
    return { id, file: `${namespace.path}/00-namespace.yaml`, submitted: await world.services.db.request.findUniqueOrThrow({ where: { id } }) };
  }

  it("main changes the neighbouring line: the poller finds the conflict and re-applies the edit onto main on the same branch, to be reviewed again", async () => {
    const { services } = world;
    const { id, file, submitted } = await submitSlackEdit(0);
    expect(submitted.state).toBe("pr_open");
    // Webhooks arrive, so the poller reads only every ten minutes (the stretched interval), except after main moves.
    await world.deliver();
    expect((await pollRound(services)).mode).toBe("webhooks");

    // The line after the Slack channel changes on main: git cannot merge the two, the edit still applies.
    const main = await moveMain(file, (text) => text.replace(/(cloud-platform\.justice\.gov\.uk\/application: )"[^"]*"/, '$1"Renamed on main"'));
    // The next two rounds come a minute apart: GitHub answers "unknown" first, then "conflicting", and that round moves the
    // request to conflict and re-applies the edit.
    const events = await pollUntilBerthActs(id, 2);
    expect(events.map((e) => [e.fromState, e.toState, e.actor])).toEqual([
      ["pr_open", "conflict", "github"],
      ["conflict", "pr_open", "berth"],
    ]);
    const after = await services.db.request.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ state: "pr_open", branch: submitted.branch, headSha: after.pushedSha, failure: null });
    expect(after.pushedSha).not.toBe(submitted.pushedSha);
    expect(events[1]).toMatchObject({ sha: after.pushedSha, note: expect.stringMatching(/^Re-applied the edit onto main at [0-9a-f]{12}/) });

    // On GitHub: the same pull request's head, a merge of main (parents: the old head and main) holding the edit alone.
    const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: after.prNumber! });
    expect(pull.head).toMatchObject({ ref: submitted.branch, sha: after.pushedSha });
    expect(upstream("rev-list", "--parents", "-n", "1", after.pushedSha!).trim()).toBe(`${after.pushedSha} ${submitted.pushedSha} ${main}`);
    expect(upstream("diff", "--name-only", main, after.pushedSha!).trim()).toBe(file);
    const changed = upstream("diff", "--unified=0", main, after.pushedSha!)
      .split("\n")
      .filter((l) => /^[-+](?![-+]{2} )/.test(l));
    expect(changed).toEqual([expect.stringMatching(new RegExp(`^-\\s+${SLACK}: `)), `+    ${SLACK}: "orders-alerts"`]);
    expect(upstream("show", `${after.pushedSha}:${file}`)).toContain('application: "Renamed on main"');

    // GitHub finds it merges now; the next rounds leave it open for review.
    expect(await pollUntilBerthActs(id, 2, 600_000)).toEqual([]);
    expect((await services.db.request.findUniqueOrThrow({ where: { id } })).state).toBe("pr_open");
    expect((await octokit.rest.pulls.get({ ...repo, pull_number: after.prNumber! })).data.mergeable).toBe(true);
    expect(world.gh.fake.violations()).toEqual([]);
  });

  it("main removes the Namespace document the edit changes: the request stays in conflict with what to do, its branch left alone", async () => {
    const { services } = world;
    const { id, file, submitted } = await submitSlackEdit(1);
    await moveMain(file, () => null);
    const events = await pollUntilBerthActs(id, 2);
    expect(events.map((e) => [e.fromState, e.toState, e.actor])).toEqual([
      ["pr_open", "conflict", "github"],
      ["conflict", "conflict", "berth"],
    ]);
    const row = await services.db.request.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe("conflict");
    expect(row.failure).toMatch(/^The edit no longer applies to main at [0-9a-f]{12}: .*[Ww]ithdraw this request/);
    expect(events[1]!.note).toBe(row.failure);
    expect(row.pushedSha).toBe(submitted.pushedSha);
    expect((await octokit.rest.pulls.get({ ...repo, pull_number: row.prNumber! })).data.head.sha).toBe(submitted.pushedSha);
    // Tried once per head of main: the next rounds add nothing.
    expect(await pollUntilBerthActs(id, 2, 600_000)).toEqual([]);
    expect(world.gh.fake.violations()).toEqual([]);
  });
});
