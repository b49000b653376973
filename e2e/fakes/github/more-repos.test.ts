import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRepo } from "@/lib/testing/fake-github-repo";
import { controlClient } from "./control-client";
import { startFakeGitHub, type FakeGitHub } from "./start-fake-github";

describe("further repositories (moreRepos)", () => {
  let root: string;
  let fake: FakeGitHub;
  let octokit: Octokit;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "fake-github-more-"));
    for (const name of ["environments", "visits-proto"]) seedRepo(root, name);
    fake = await startFakeGitHub({
      org: "acme",
      clientId: "id",
      clientSecret: "secret",
      repo: { owner: "acme", name: "environments", bareRepoPath: path.join(root, "environments.git") },
      moreRepos: [{ owner: "acme", name: "visits-proto", bareRepoPath: path.join(root, "visits-proto.git") }],
    });
    const control = controlClient(fake.url);
    await control.putUser({ login: "bot", teams: [], orgMember: true });
    octokit = new Octokit({ auth: await control.token("bot", ["repo"]), baseUrl: fake.apiUrl });
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("serves each under its own path, with its own git objects and pull requests; an unknown repository is a 404", async () => {
    const repo = { owner: "acme", repo: "visits-proto" };
    const { data: main } = await octokit.rest.git.getRef({ ...repo, ref: "heads/main" });
    const { data: head } = await octokit.rest.git.getCommit({ ...repo, commit_sha: main.object.sha });
    const { data: tree } = await octokit.rest.git.createTree({
      ...repo,
      base_tree: head.tree.sha,
      tree: [{ path: "start.sh", mode: "100644", type: "blob", content: "x\n" }],
    });
    const { data: commit } = await octokit.rest.git.createCommit({ ...repo, message: "deploy", tree: tree.sha, parents: [head.sha] });
    await octokit.rest.git.createRef({ ...repo, ref: "refs/heads/deploy", sha: commit.sha });
    const { data: pull } = await octokit.rest.pulls.create({ ...repo, title: "Deploy", head: "deploy", base: "main" });
    expect(pull).toMatchObject({ number: 1, html_url: `${fake.url}/acme/visits-proto/pull/1` });
    expect((await octokit.rest.pulls.listFiles({ ...repo, pull_number: 1 })).data.map((f) => f.filename)).toEqual(["start.sh"]);

    expect((await octokit.rest.pulls.list({ owner: "acme", repo: "environments" })).data).toEqual([]);
    await expect(octokit.rest.git.getRef({ owner: "acme", repo: "environments", ref: "heads/deploy" })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.rest.repos.get({ owner: "acme", repo: "elsewhere" })).rejects.toMatchObject({ status: 404 });
    expect(fake.violations()).toEqual([]);
  });
});
