import { randomUUID } from "node:crypto";
import { Webhooks } from "@octokit/webhooks";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { migratedPostgresUrl } from "@/lib/db/testing/postgres-test-database";
import { parseEnv } from "@/lib/env";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import { startFakeGitHubRepo, type FakeGitHubRepo } from "@/lib/testing/fake-github-repo";
import { testLogger } from "@/lib/testing/test-logger";
import { createServices, type Services } from "../services";
import { pollRound } from "./poll-round";
import { refreshPullRequest } from "./refresh-pull-request";
import { closeWithReason, receiveWebhook, requestFor, submitRequest, withdraw } from "./request-service";

const SECRET = "webhook-secret-0123456789";
const REPOS = ["follow-merge", "follow-poll", "follow-hook", "follow-withdraw", "follow-close", "follow-refused"];

/**
 * After Berth opens a prototype's deployment pull request (GitHub: the fake,
 * checked against GitHub's description; PostgreSQL), it follows it: a merge or
 * close on GitHub reaches the request page through a refresh, a poll round or
 * a delivery from the prototype's repository, and a page view never calls
 * GitHub. Withdrawing or closing the namespace request closes it, saying why.
 */
describe("following a prototype's deployment pull request on GitHub", { timeout: 180_000 }, () => {
  const url = migratedPostgresUrl("prototype_follow");
  let gh: FakeGitHubRepo;
  let services: Services;
  let octokit: Octokit;
  let now = Date.now();
  const log = testLogger();
  const vic: Viewer = { sessionId: "s-vic", login: "vic", name: "Vic", kind: "github", teams: ["hmpps-visits"], reviewer: false };
  const rita: Viewer = { sessionId: "s-rita", login: "rita", name: "Rita", kind: "github", teams: ["webops"], reviewer: true };

  beforeAll(async () => {
    gh = await startFakeGitHubRepo(3, REPOS);
    const env = parseEnv(gh.settings({ DATABASE_URL: url, GITHUB_WEBHOOK_SECRET: SECRET }));
    services = createServices(env, { clock: { now: () => new Date(now) }, log });
    await services.syncClone();
    octokit = new Octokit({ auth: gh.reviewerToken, baseUrl: gh.fake.apiUrl });
  }, 120_000);
  afterAll(async () => {
    await services?.close();
    await gh?.close();
  });

  /** A prototype site's request with consent: its id and its deployment pull request's number. */
  async function submit(repository: string): Promise<{ id: string; number: number }> {
    const answers = namespaceRequestFixture({
      name: repository,
      application: "Gov.UK Prototype Kit",
      sourceCode: `https://github.com/acme/${repository}`,
      prototype: { repository, deployPullRequest: true },
    });
    const { id } = await submitRequest(services, vic, answers);
    const row = await services.db.prototypeDeployPr.findUniqueOrThrow({ where: { requestId: id } });
    expect(row).toMatchObject({ state: "open", repository: `acme/${repository}` });
    return { id, number: row.number! };
  }
  const deployPr = async (id: string) => (await requestFor(services, vic, id)).prototype!.deployPr!;
  const pull = async (repo: string, number: number) => (await octokit.rest.pulls.get({ owner: "acme", repo, pull_number: number })).data;

  it("shows a merge on GitHub after a refresh, and a close after a poll round; a page view calls nothing, an unchanged pull request is a 304", async () => {
    const merged = await submit("follow-merge");
    const polled = await submit("follow-poll");
    await octokit.rest.pulls.merge({ owner: "acme", repo: "follow-merge", pull_number: merged.number });
    await octokit.rest.pulls.update({ owner: "acme", repo: "follow-poll", pull_number: polled.number, state: "closed" });

    await gh.control.resetCalls();
    expect(await deployPr(merged.id)).toMatchObject({ state: "open", fetchedAt: null });
    expect((await gh.control.calls()).total).toBe(0);

    now += 60_000;
    await expect(refreshPullRequest(services, vic, merged.id)).resolves.toMatchObject({ refreshed: true });
    expect(await deployPr(merged.id)).toMatchObject({ state: "merged", fetchedAt: new Date(now).toISOString() });
    // Within 30 s a second refresh reads neither pull request again.
    await gh.control.resetCalls();
    await expect(refreshPullRequest(services, vic, merged.id)).resolves.toMatchObject({ refreshed: false });
    expect((await gh.control.calls()).total).toBe(0);

    now += 60 * 60_000;
    await expect(pollRound(services)).resolves.toMatchObject({ read: true });
    expect(await deployPr(polled.id)).toMatchObject({ state: "closed" });
    // A merged or closed one is no longer polled; an open one that did not change is answered 304 (GitHub's first answers
    // after the pull request opened say its mergeability is still being computed, and the next one says what it is).
    const open = await submit("follow-hook");
    for (let round = 0; round < 2; round++) {
      now += 60 * 60_000;
      await expect(pollRound(services)).resolves.toMatchObject({ read: true });
    }
    await gh.control.resetCalls();
    now += 60 * 60_000;
    await pollRound(services);
    const calls = await gh.control.calls();
    expect(calls.notModified).toBe(1);
    expect(calls.calls.filter((c) => c.operationId === "pulls/get")).toEqual([expect.objectContaining({ count: 1 })]);
    expect(await deployPr(open.id)).toMatchObject({ state: "open" });
    expect(gh.fake.violations()).toEqual([]);
  });

  it("applies pull_request deliveries from the prototype's repository when bound to the request, never older news", async () => {
    const row = await services.db.prototypeDeployPr.findFirstOrThrow({ where: { repository: "acme/follow-hook" } });
    const { number, requestId } = row;
    const event = (action: string, over: { at: string; merged?: boolean; branch?: string; head?: string; repository?: string }) => ({
      action,
      pull_request: {
        number,
        state: action === "closed" ? "closed" : "open",
        merged: over.merged ?? false,
        updated_at: over.at,
        head: { ref: over.branch ?? `berth/prototype-deploy-${requestId}`, sha: "b".repeat(40), repo: { full_name: over.head ?? "acme/follow-hook" } },
        base: { ref: "main", repo: { full_name: over.repository ?? "acme/follow-hook" } },
      },
      repository: { full_name: over.repository ?? "acme/follow-hook" },
      sender: { login: "rita" },
    });
    const deliver = async (payload: object) => {
      const rawBody = JSON.stringify(payload);
      const signature = await new Webhooks({ secret: SECRET }).sign(rawBody);
      return receiveWebhook(services, { rawBody, event: "pull_request", delivery: randomUUID(), signature });
    };
    const later = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

    // Not bound to the request: another branch, a fork's head, another repository's pull request of that number.
    for (const other of [
      event("closed", { at: later(1), branch: "someone-else" }),
      event("closed", { at: later(1), head: "mallory/follow-hook" }),
      event("closed", { at: later(1), repository: "acme/follow-poll", head: "acme/follow-poll" }),
    ])
      expect(await deliver(other)).toEqual({ handled: "ignored" });
    expect(await deployPr(requestId)).toMatchObject({ state: "open" });

    expect(await deliver(event("closed", { at: later(2), merged: true }))).toEqual({ handled: "prototype pull_request -> merged" });
    expect(await deployPr(requestId)).toMatchObject({ state: "merged", fetchedAt: new Date(now).toISOString() });
    // A late delivery from before the merge changes nothing.
    expect(await deliver(event("reopened", { at: later(1) }))).toEqual({ handled: "ignored" });
    expect(await deployPr(requestId)).toMatchObject({ state: "merged" });
  });

  it("closes the deployment pull request with a comment saying why when the request is withdrawn or closed by a reviewer", async () => {
    const withdrawn = await submit("follow-withdraw");
    const closed = await submit("follow-close");
    await withdraw(services, vic, withdrawn.id);
    await closeWithReason(services, rita, closed.id, { reason: "Duplicate of the visits prototype" });

    const comments = async (repo: string, number: number) =>
      (await octokit.rest.issues.listComments({ owner: "acme", repo, issue_number: number })).data.map((c) => c.body);
    const envPr = async (id: string) => (await services.db.request.findUniqueOrThrow({ where: { id } })).prUrl!;
    expect(await pull("follow-withdraw", withdrawn.number)).toMatchObject({ state: "closed", merged: false });
    expect(await comments("follow-withdraw", withdrawn.number)).toEqual([
      `Withdrawn in Berth by vic.\n\nThe namespace request this pull request came with (${await envPr(withdrawn.id)}) will not be applied, so the prototype has no namespace to deploy to: Berth closes this pull request too.`,
    ]);
    expect(await pull("follow-close", closed.number)).toMatchObject({ state: "closed", merged: false });
    expect((await comments("follow-close", closed.number))[0]).toMatch(/^Closed in Berth by rita: Duplicate of the visits prototype\n\nThe namespace request/);
    expect(await deployPr(withdrawn.id)).toMatchObject({ state: "closed", closeFailure: null });
    expect(await deployPr(closed.id)).toMatchObject({ state: "closed", closeFailure: null });
    expect(gh.fake.violations()).toEqual([]);
  });

  it("withdraws the request when GitHub refuses to close the deployment pull request, logging the failure and keeping it for the page", async () => {
    const refused = await submit("follow-refused");
    await gh.control.failNext({ method: "PATCH", pathPattern: `/repos/acme/follow-refused/pulls/${refused.number}$`, status: 422 });
    await expect(withdraw(services, vic, refused.id)).resolves.toBeUndefined();

    expect(await services.db.request.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({ state: "closed" });
    expect(await pull("follow-refused", refused.number)).toMatchObject({ state: "open" });
    expect(await deployPr(refused.id)).toMatchObject({ state: "open", closeFailure: expect.stringMatching(/^GitHub answered 422: Injected failure/) });
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: "error", msg: "closing a prototype's deployment pull request failed", request: refused.id }),
    );
  });
});
