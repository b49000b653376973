import path from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { parseEnv } from "@/lib/env";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import { AppError } from "@/lib/errors";
import { startFakeGitHubRepo, type FakeGitHubRepo } from "@/lib/testing/fake-github-repo";
import { testLogger } from "@/lib/testing/test-logger";
import { createServices, type Services } from "../services";
import { requestFor, submitRequest } from "./request-service";

/**
 * A prototype site's request on GitHub (the fake, checked against GitHub's
 * description), Berth wired as in production: the namespace's pull request in
 * the environments repository and, with the requester's consent, a second one
 * in the prototype's own repository, tracked on the request's page.
 */
describe("prototype site requests on GitHub", { timeout: 180_000 }, () => {
  let gh: FakeGitHubRepo;
  let services: Services;
  let octokit: Octokit;
  const vic: Viewer = { sessionId: "s-vic", login: "vic", name: "Vic", kind: "github", teams: ["hmpps-visits"], reviewer: false };
  const answers = (repository: string, deployPullRequest: boolean, over: Record<string, unknown> = {}) =>
    namespaceRequestFixture({
      name: repository,
      application: "Gov.UK Prototype Kit",
      sourceCode: `https://github.com/acme/${repository}`,
      prototype: { repository, deployPullRequest },
      ...over,
    });
  const pullsOf = async (repo: string) => (await octokit.rest.pulls.list({ owner: "acme", repo, state: "all" })).data;

  beforeAll(async () => {
    gh = await startFakeGitHubRepo(3, ["visits-prototype", "quiet-prototype"]);
    const env = parseEnv(gh.settings({ GITHUB_WEBHOOK_SECRET: "webhook-secret-0123456789" }));
    await migrateDatabase(env, { root: path.resolve(__dirname, "../../..") });
    services = createServices(env, { log: testLogger() });
    await services.syncClone();
    octokit = new Octokit({ auth: gh.reviewerToken, baseUrl: gh.fake.apiUrl });
  }, 120_000);
  afterAll(async () => {
    await services?.close();
    await gh?.close();
  });

  it("opens the namespace's pull request, and with consent one in the prototype's repository with its deployment files, shown on the request page", async () => {
    const { id } = await submitRequest(services, vic, answers("visits-prototype", true));
    const row = await services.db.request.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "pr_open", namespace: "visits-prototype", prHeadRepo: "acme/environments" });
    const envFiles = (await octokit.rest.pulls.listFiles({ owner: "acme", repo: "environments", pull_number: row.prNumber! })).data.map((f) => f.filename);
    expect(envFiles.filter((f) => f.includes("/resources/")).map((f) => f.split("/").pop())).toEqual([
      "basic-auth.tf",
      "ecr.tf",
      "main.tf",
      "serviceaccount.tf",
      "variables.tf",
      "versions.tf",
    ]);

    const [deploy] = await pullsOf("visits-prototype");
    expect(deploy).toMatchObject({ state: "open", base: { ref: "main" }, head: { ref: `berth/prototype-deploy-${id}` } });
    expect(deploy!.body).toContain(row.prUrl!);
    const files = (await octokit.rest.pulls.listFiles({ owner: "acme", repo: "visits-prototype", pull_number: deploy!.number })).data;
    expect(files.map((f) => [f.filename, f.status])).toEqual([
      [".dockerignore", "added"],
      [".github/workflows/cd-main.yaml", "added"],
      ["Dockerfile", "added"],
      ["kubernetes-deploy-main.tpl", "added"],
      ["start.sh", "added"],
    ]);

    const page = await requestFor(services, vic, id);
    expect(page.prototype).toMatchObject({
      repositoryFullName: "acme/visits-prototype",
      siteUrl: "https://visits-prototype-main.apps.live.cloud-platform.service.justice.gov.uk/",
      deployPr: { state: "open", number: deploy!.number, url: deploy!.html_url, failure: null },
    });
    expect(await gh.fake.violations()).toEqual([]);
  });

  it("opens nothing in the prototype's repository without consent; the page offers the files to copy", async () => {
    const { id } = await submitRequest(services, vic, answers("quiet-prototype", false));
    expect(await pullsOf("quiet-prototype")).toEqual([]);
    const page = await requestFor(services, vic, id);
    expect(page.prototype).toMatchObject({ consented: false, deployPr: null });
    expect(page.prototype!.deployFiles.map((f) => f.path)).toContain(".github/workflows/cd-main.yaml");
  });

  it("keeps the namespace request when the prototype's repository cannot take the pull request, with GitHub's reason", async () => {
    const { id } = await submitRequest(services, vic, answers("gone-prototype", true));
    expect(await services.db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "pr_open" });
    expect(await services.db.prototypeDeployPr.findUniqueOrThrow({ where: { requestId: id } })).toMatchObject({
      state: "failed",
      number: null,
      failure: expect.stringMatching(/main does not exist in acme\/gone-prototype/),
    });
  });

  it("answers 422 naming the repository field for a bad repository name, and writes nothing anywhere", async () => {
    const before = { requests: await services.db.request.count(), envPulls: (await pullsOf("environments")).length };
    for (const repository of ["Visits_Prototype", "visits.prototype", "-visits"]) {
      const error = await submitRequest(services, vic, answers(repository, true, { name: "visits-bad" })).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(422);
      expect((error as AppError).fields).toHaveProperty(["prototype.repository"], expect.stringMatching(/GitHub repository name/));
    }
    expect(await services.db.request.count()).toBe(before.requests);
    expect((await pullsOf("environments")).length).toBe(before.envPulls);
    expect(await services.db.prototypeDeployPr.count()).toBe(2);
  });
});
