import { execFile, execFileSync } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESCRIPTION_PATH } from "../../../scripts/github-openapi-subset";
import { controlClient, type FakeDelivery } from "./control-client";
import { openapiValidator, type OpenApiDocument } from "./openapi-validator";
import { startFakeGitHub, type FakeGitHub } from "./start-fake-github";

const log = { debug() {}, info() {}, warn() {}, error() {} };
const OWNER = "acme";
const REPO = "environments";
const SECRET = "webhook-secret";
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } }).trim();

/** For git talking to the fake over HTTP: the fake runs in this process, so a synchronous call would deadlock it. */
const gitAsync = (cwd: string, ...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } }, (error, stdout) =>
      error ? reject(error) : resolve(stdout.trim()),
    ),
  );

/** A bare repository with `main` holding one namespace, made with real git. */
function makeBareRepo(root: string): string {
  const work = path.join(root, "seed");
  git(root, "init", "-q", "-b", "main", work);
  execFileSync("sh", ["-c", "mkdir -p namespaces/seed && echo 'name: seed' > namespaces/seed/00-namespace.yaml"], { cwd: work });
  git(work, "add", ".");
  git(work, "-c", "user.name=Seed", "-c", "user.email=seed@example.test", "commit", "-q", "-m", "Seed");
  const bare = path.join(root, "environments.git");
  git(root, "clone", "-q", "--bare", work, bare);
  return bare;
}

describe("the repository half: git data, pull requests, smart HTTP, webhooks", () => {
  let root: string;
  let bare: string;
  let fake: FakeGitHub;
  let control: ReturnType<typeof controlClient>;
  let receiver: Server;
  let receiverUrl: string;
  const received: Array<{ headers: Record<string, string>; body: string }> = [];

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "fake-github-repo-"));
    bare = makeBareRepo(root);
    fake = await startFakeGitHub({
      org: OWNER,
      apiPrefix: "/api/v3",
      clientId: "id",
      clientSecret: "secret",
      repo: { owner: OWNER, name: REPO, bareRepoPath: bare },
    });
    control = controlClient(fake.url);
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({ headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    await control.setWebhook(receiverUrl, SECRET);
  });
  afterAll(async () => {
    await fake.close();
    await new Promise((resolve) => receiver.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
  const signedIn = async (teams: string[] = []) => {
    const login = unique("user");
    await control.putUser({ login, name: `Name ${login}`, email: `${login}@example.test`, teams, orgMember: true });
    const token = await control.token(login, ["repo", "read:org"]);
    return { login, octokit: new Octokit({ auth: token, baseUrl: fake.apiUrl, log }) };
  };
  const repo = { owner: OWNER, repo: REPO };

  /** A branch with one commit adding `count` files under a new namespace, built with one create-tree call. */
  const branchWithFiles = async (octokit: Octokit, count: number) => {
    const namespace = unique("ns");
    const main = await octokit.rest.git.getRef({ ...repo, ref: "heads/main" });
    const base = await octokit.rest.git.getCommit({ ...repo, commit_sha: main.data.object.sha });
    const files = Array.from({ length: count }, (_, index) => ({
      path: `namespaces/${namespace}/file-${index}.yaml`,
      mode: "100644" as const,
      type: "blob" as const,
      content: `index: ${index}\nnamespace: ${namespace}\n`,
    }));
    const tree = await octokit.rest.git.createTree({ ...repo, base_tree: base.data.tree.sha, tree: files });
    const commit = await octokit.rest.git.createCommit({ ...repo, message: `Add ${namespace}`, tree: tree.data.sha, parents: [base.data.sha] });
    const branch = `request/${namespace}`;
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit.data.sha });
    return { namespace, branch, files, commit: commit.data, baseSha: base.data.sha };
  };

  it("runs the whole flow: tree with inline contents, commit, ref, PR, reviewers, labels, reviews, rules, merge, clone", async () => {
    const team = unique("webops");
    const author = await signedIn();
    const reviewer = await signedIn([team]);
    await control.setRules({ requiredApprovals: 1, requiredChecks: ["plan"] });

    const repoInfo = await author.octokit.rest.repos.get(repo);
    expect(repoInfo.data).toMatchObject({ full_name: `${OWNER}/${REPO}`, default_branch: "main", permissions: { push: true } });

    const { namespace, branch, files, commit } = await branchWithFiles(author.octokit, 40);
    const tree = await author.octokit.rest.git.getTree({ ...repo, tree_sha: commit.tree.sha, recursive: "1" });
    expect(tree.data.tree.filter((entry) => entry.path?.startsWith(`namespaces/${namespace}/`) && entry.type === "blob")).toHaveLength(40);
    expect(tree.data.tree.some((entry) => entry.path === "namespaces/seed/00-namespace.yaml")).toBe(true);

    const created = await author.octokit.rest.pulls.create({ ...repo, title: `Create ${namespace}`, head: branch, base: "main", body: "Please" });
    const number = created.data.number;
    expect(created.data).toMatchObject({ state: "open", merged: false, head: { ref: branch, sha: commit.sha }, user: { login: author.login } });

    const listed = await author.octokit.paginate(author.octokit.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 });
    expect(listed.map((file) => file.filename).sort()).toEqual(files.map((file) => file.path).sort());
    expect(listed[0]).toMatchObject({ status: "added", additions: 2, deletions: 0 });
    expect((await author.octokit.rest.pulls.listCommits({ ...repo, pull_number: number })).data.map((c) => c.sha)).toEqual([commit.sha]);
    const byHead = await author.octokit.rest.pulls.list({ ...repo, head: `${OWNER}:${branch}`, state: "open" });
    expect(byHead.data.map((pull) => pull.number)).toEqual([number]);

    await expect(author.octokit.rest.pulls.requestReviewers({ ...repo, pull_number: number, team_reviewers: [unique("no-such-team")] })).rejects.toMatchObject({
      status: 422,
    });
    const requested = await author.octokit.rest.pulls.requestReviewers({ ...repo, pull_number: number, team_reviewers: [team] });
    expect(requested.data.requested_teams?.map((t) => t.slug)).toEqual([team]);
    const labels = await author.octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels: ["namespace-request", "new"] });
    expect(labels.data.map((l) => l.name)).toEqual(["namespace-request", "new"]);
    await author.octokit.rest.issues.createComment({ ...repo, issue_number: number, body: "Plan attached" });
    expect((await author.octokit.rest.issues.listComments({ ...repo, issue_number: number })).data[0]).toMatchObject({
      body: "Plan attached",
      user: { login: author.login },
    });

    // mergeable: null on the first GET after a change, then computed.
    expect((await author.octokit.rest.pulls.get({ ...repo, pull_number: number })).data).toMatchObject({ mergeable: null, mergeable_state: "unknown" });
    expect((await author.octokit.rest.pulls.get({ ...repo, pull_number: number })).data).toMatchObject({ mergeable: true, mergeable_state: "blocked" });
    // Main moving again between two GETs does not hold the answer back: GitHub's job has finished by the next GET.
    const moveMain = async () => {
      const { data: main } = await author.octokit.rest.git.getRef({ ...repo, ref: "heads/main" });
      const { data: head } = await author.octokit.rest.git.getCommit({ ...repo, commit_sha: main.object.sha });
      const { data: next } = await author.octokit.rest.git.createCommit({ ...repo, message: "Elsewhere", tree: head.tree.sha, parents: [head.sha] });
      await author.octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha: next.sha });
    };
    await moveMain();
    expect((await author.octokit.rest.pulls.get({ ...repo, pull_number: number })).data).toMatchObject({ mergeable: null, mergeable_state: "unknown" });
    await moveMain();
    expect((await author.octokit.rest.pulls.get({ ...repo, pull_number: number })).data).toMatchObject({ mergeable: true, mergeable_state: "blocked" });

    await expect(author.octokit.rest.pulls.createReview({ ...repo, pull_number: number, event: "APPROVE" })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: ["Can not approve your own pull request"] } },
    });
    await expect(reviewer.octokit.rest.pulls.createReview({ ...repo, pull_number: number, event: "REQUEST_CHANGES" })).rejects.toMatchObject({ status: 422 });
    await expect(author.octokit.rest.pulls.merge({ ...repo, pull_number: number })).rejects.toMatchObject({
      status: 405,
      response: { data: { message: "Pull Request is not mergeable" } },
    });

    await reviewer.octokit.rest.pulls.createReview({ ...repo, pull_number: number, event: "APPROVE", body: "LGTM" });
    expect((await reviewer.octokit.rest.pulls.listReviews({ ...repo, pull_number: number })).data.map((r) => [r.state, r.user?.login])).toEqual([
      ["APPROVED", reviewer.login],
    ]);
    await expect(author.octokit.rest.pulls.merge({ ...repo, pull_number: number })).rejects.toMatchObject({ status: 405 });

    await control.putCheck({ sha: commit.sha, name: "plan", conclusion: "failure" });
    expect((await author.octokit.rest.pulls.get({ ...repo, pull_number: number })).data.mergeable_state).toBe("blocked");
    await control.putCheck({ sha: commit.sha, name: "plan", conclusion: "success" });
    const checks = await author.octokit.rest.checks.listForRef({ ...repo, ref: branch });
    expect(checks.data.check_runs.map((run) => [run.name, run.status, run.conclusion])).toEqual([["plan", "completed", "success"]]);
    expect((await author.octokit.rest.pulls.get({ ...repo, pull_number: number })).data.mergeable_state).toBe("clean");

    await expect(author.octokit.rest.pulls.merge({ ...repo, pull_number: number, sha: "0".repeat(40) })).rejects.toMatchObject({
      status: 409,
      response: { data: { message: "Head branch was modified. Review and try the merge again." } },
    });
    const merged = await author.octokit.rest.pulls.merge({ ...repo, pull_number: number, sha: commit.sha, merge_method: "merge" });
    expect(merged.data).toMatchObject({ merged: true, message: "Pull Request successfully merged" });

    const after = await author.octokit.rest.pulls.get({ ...repo, pull_number: number });
    expect(after.data).toMatchObject({ state: "closed", merged: true, merge_commit_sha: merged.data.sha, merged_by: { login: author.login } });
    expect(after.data.merged_at).toEqual(expect.any(String));
    expect(git(bare, "rev-parse", "main")).toBe(merged.data.sha);
    expect(git(bare, "rev-list", "--parents", "-n", "1", "main").split(" ")).toHaveLength(3);
    expect(git(bare, "show", `main:namespaces/${namespace}/file-7.yaml`)).toBe(`index: 7\nnamespace: ${namespace}`);

    const clone = path.join(root, unique("clone"));
    await gitAsync(root, "clone", "-q", fake.cloneUrl ?? "", clone);
    expect(readFileSync(path.join(clone, `namespaces/${namespace}/file-3.yaml`), "utf8")).toBe(`index: 3\nnamespace: ${namespace}\n`);

    // A second PR merged (squash) afterwards: `git fetch` over smart HTTP sees it.
    const second = await branchWithFiles(author.octokit, 2);
    const secondPr = await author.octokit.rest.pulls.create({ ...repo, title: "second", head: branch.replace(namespace, second.namespace), base: "main" });
    await reviewer.octokit.rest.pulls.createReview({ ...repo, pull_number: secondPr.data.number, event: "APPROVE" });
    await control.putCheck({ sha: second.commit.sha, name: "plan", conclusion: "success" });
    const squashed = await author.octokit.rest.pulls.merge({ ...repo, pull_number: secondPr.data.number, merge_method: "squash" });
    await gitAsync(clone, "fetch", "-q", "origin");
    expect(git(clone, "rev-parse", "origin/main")).toBe(squashed.data.sha);
    expect(git(clone, "show", `origin/main:namespaces/${second.namespace}/file-1.yaml`)).toContain("index: 1");
    expect(git(bare, "log", "-1", "--format=%s", "main")).toBe(`second (#${secondPr.data.number})`);
    await control.setRules({ requiredApprovals: 0, requiredChecks: [] });
  });

  it("answers 422 for an existing ref, a duplicate PR, an empty PR and a missing head; 422 for a non-fast-forward update", async () => {
    const { octokit } = await signedIn();
    const { branch, commit, baseSha } = await branchWithFiles(octokit, 1);
    await expect(octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit.sha })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Reference already exists" } },
    });
    await octokit.rest.pulls.create({ ...repo, title: "first", head: branch, base: "main" });
    await expect(octokit.rest.pulls.create({ ...repo, title: "again", head: branch, base: "main" })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ message: `A pull request already exists for ${OWNER}:${branch}.` }] } },
    });
    const empty = unique("empty");
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${empty}`, sha: baseSha });
    await expect(octokit.rest.pulls.create({ ...repo, title: "empty", head: empty, base: "main" })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ message: `No commits between main and ${empty}` }] } },
    });
    await expect(octokit.rest.pulls.create({ ...repo, title: "missing", head: unique("missing"), base: "main" })).rejects.toMatchObject({ status: 422 });
    await expect(octokit.rest.git.getRef({ ...repo, ref: `heads/${unique("missing")}` })).rejects.toMatchObject({ status: 404 });

    await expect(octokit.rest.git.updateRef({ ...repo, ref: `heads/${empty}`, sha: commit.sha })).resolves.toMatchObject({ status: 200 });
    const sibling = await octokit.rest.git.createCommit({ ...repo, message: "sibling", tree: commit.tree.sha, parents: [baseSha] });
    await expect(octokit.rest.git.updateRef({ ...repo, ref: `heads/${empty}`, sha: sibling.data.sha })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Update is not a fast forward" } },
    });
    await expect(octokit.rest.git.updateRef({ ...repo, ref: `heads/${empty}`, sha: sibling.data.sha, force: true })).resolves.toMatchObject({ status: 200 });
  });

  it("create-tree deletes with sha null, grafts a subtree by sha, and refuses an unknown base_tree", async () => {
    const { octokit } = await signedIn();
    const { namespace, commit } = await branchWithFiles(octokit, 3);
    const folder = (await octokit.rest.git.getTree({ ...repo, tree_sha: commit.tree.sha, recursive: "1" })).data.tree.find(
      (entry) => entry.path === `namespaces/${namespace}`,
    );
    const tree = await octokit.rest.git.createTree({
      ...repo,
      base_tree: commit.tree.sha,
      tree: [
        { path: `namespaces/${namespace}/file-0.yaml`, mode: "100644", type: "blob", sha: null },
        { path: "copy/of/namespace", mode: "040000", type: "tree", sha: folder?.sha ?? "" },
      ],
    });
    const paths = (await octokit.rest.git.getTree({ ...repo, tree_sha: tree.data.sha, recursive: "1" })).data.tree.map((entry) => entry.path);
    expect(paths).not.toContain(`namespaces/${namespace}/file-0.yaml`);
    expect(paths).toContain(`namespaces/${namespace}/file-1.yaml`);
    expect(paths).toContain("copy/of/namespace/file-2.yaml");
    await expect(octokit.rest.git.createTree({ ...repo, base_tree: "f".repeat(40), tree: [] })).rejects.toMatchObject({ status: 422 });
  });

  it("signs webhook deliveries like GitHub, records them, and redelivers byte for byte", async () => {
    const author = await signedIn();
    const { branch } = await branchWithFiles(author.octokit, 1);
    const pr = await author.octokit.rest.pulls.create({ ...repo, title: "hooks", head: branch, base: "main" });
    await fake.deliveriesSettled();
    const deliveries = await control.deliveries();
    const opened = deliveries.find(
      (delivery) => delivery.event === "pull_request" && delivery.action === "opened" && JSON.parse(delivery.body).number === pr.data.number,
    ) as FakeDelivery;
    expect(opened.status).toBe(202);

    const got = received.find((request) => request.headers["x-github-delivery"] === opened.guid);
    if (!got) throw new Error("the receiver did not get the delivery");
    expect(got.headers).toMatchObject({ "x-github-event": "pull_request", "content-type": "application/json" });
    expect(got.headers["user-agent"]).toMatch(/^GitHub-Hookshot\//);
    expect(got.headers["x-github-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(got.headers["x-hub-signature-256"]).toBe(`sha256=${createHmac("sha256", SECRET).update(got.body).digest("hex")}`);
    const payload = JSON.parse(got.body);
    expect(payload).toMatchObject({
      action: "opened",
      number: pr.data.number,
      pull_request: {
        number: pr.data.number,
        state: "open",
        merged: false,
        head: { ref: branch },
        user: { login: author.login },
        html_url: expect.any(String),
      },
      repository: { full_name: `${OWNER}/${REPO}` },
      sender: { login: author.login },
    });

    const again = await control.redeliver(opened.id);
    expect(again.guid).toBe(opened.guid);
    await fake.deliveriesSettled();
    const copies = received.filter((request) => request.headers["x-github-delivery"] === opened.guid);
    expect(copies).toHaveLength(2);
    expect(copies[1]?.body).toBe(copies[0]?.body);
    expect(copies[1]?.headers["x-hub-signature-256"]).toBe(copies[0]?.headers["x-hub-signature-256"]);
    expect((await control.deliveries()).find((delivery) => delivery.id === again.id)).toMatchObject({ redelivery: true, status: 202 });
  });

  it("sends issue_comment (created) for a comment on a pull request, shaped as GitHub's description of the event", async () => {
    const author = await signedIn();
    const commenter = await signedIn();
    const { branch } = await branchWithFiles(author.octokit, 1);
    const { data: pr } = await author.octokit.rest.pulls.create({ ...repo, title: "comments", head: branch, base: "main" });
    const { data: comment } = await commenter.octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: "Looks odd to me" });
    await fake.deliveriesSettled();
    const delivery = (await control.deliveries()).find(
      (item) => item.event === "issue_comment" && JSON.parse(item.body).comment?.id === comment.id,
    ) as FakeDelivery;
    expect(delivery).toMatchObject({ action: "created", status: 202, redelivery: false });

    const got = received.find((request) => request.headers["x-github-delivery"] === delivery.guid);
    if (!got) throw new Error("the receiver did not get the delivery");
    expect(got.headers).toMatchObject({ "x-github-event": "issue_comment", "content-type": "application/json" });
    expect(got.headers["user-agent"]).toMatch(/^GitHub-Hookshot\//);
    expect(got.headers["x-hub-signature-256"]).toBe(`sha256=${createHmac("sha256", SECRET).update(got.body).digest("hex")}`);
    const payload = JSON.parse(got.body);
    expect(payload).toMatchObject({
      action: "created",
      issue: { number: pr.number, state: "open", user: { login: author.login }, pull_request: { url: pr.url, html_url: pr.html_url } },
      comment: { id: comment.id, body: "Looks odd to me", user: { login: commenter.login } },
      repository: { full_name: `${OWNER}/${REPO}` },
      sender: { login: commenter.login },
    });
    // The whole payload against the event's schema in GitHub's published description (the REST subset has no webhooks).
    const description = JSON.parse(readFileSync(DESCRIPTION_PATH, "utf8")) as OpenApiDocument;
    expect(openapiValidator(description).validateComponent("webhook-issue-comment-created", payload)).toEqual([]);
  });

  it("sends review, check_run, labeled, synchronize, closed (merged) and push events", async () => {
    const author = await signedIn();
    const reviewer = await signedIn();
    const { branch, commit } = await branchWithFiles(author.octokit, 1);
    const { data: pr } = await author.octokit.rest.pulls.create({ ...repo, title: "events", head: branch, base: "main" });
    await author.octokit.rest.issues.addLabels({ ...repo, issue_number: pr.number, labels: ["x"] });
    await reviewer.octokit.rest.pulls.createReview({ ...repo, pull_number: pr.number, event: "APPROVE" });
    await control.putCheck({ sha: commit.sha, name: "lint", conclusion: "success" });
    const next = await author.octokit.rest.git.createCommit({ ...repo, message: "more", tree: commit.tree.sha, parents: [commit.sha] });
    await author.octokit.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: next.data.sha });
    const merged = await author.octokit.rest.pulls.merge({ ...repo, pull_number: pr.number });
    await fake.deliveriesSettled();

    const mine = (await control.deliveries())
      .map((delivery) => ({ ...delivery, payload: JSON.parse(delivery.body) }))
      .filter((delivery) => {
        const { payload } = delivery;
        return payload.pull_request?.number === pr.number || payload.check_run?.head_sha === commit.sha || payload.after === merged.data.sha;
      });
    const kinds = mine.map((delivery) => `${delivery.event}.${delivery.action ?? ""}`);
    expect(kinds).toEqual([
      "pull_request.opened",
      "pull_request.labeled",
      "pull_request_review.submitted",
      "check_run.completed",
      "pull_request.synchronize",
      "pull_request.closed",
      "push.",
    ]);
    expect(mine[2]?.payload.review).toMatchObject({ state: "approved", user: { login: reviewer.login } });
    expect(mine[3]?.payload.check_run).toMatchObject({ name: "lint", status: "completed", conclusion: "success", head_sha: commit.sha });
    expect(mine[5]?.payload.pull_request).toMatchObject({ state: "closed", merged: true, merge_commit_sha: merged.data.sha });
    expect(mine[6]?.payload).toMatchObject({ ref: "refs/heads/main", after: merged.data.sha, repository: { full_name: `${OWNER}/${REPO}` } });
  });

  it("fails the next matching requests on demand (502, then a rate-limited 403), and counts calls per operation", async () => {
    const { octokit } = await signedIn();
    await control.resetCalls();
    await control.failNext({ method: "GET", pathPattern: `^/repos/${OWNER}/${REPO}$`, status: 502, times: 1 });
    await expect(octokit.rest.repos.get(repo)).rejects.toMatchObject({ status: 502 });
    expect((await octokit.rest.repos.get(repo)).status).toBe(200);

    await control.failNext({ method: "GET", pathPattern: "/git/ref/", status: 403, times: 2 });
    await expect(octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).rejects.toMatchObject({
      status: 403,
      response: { headers: { "x-ratelimit-remaining": "0" } },
    });
    await expect(octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).rejects.toMatchObject({ status: 403 });
    expect((await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).status).toBe(200);

    const { total, calls } = await control.calls();
    expect(calls).toEqual([
      { method: "GET", operationId: "git/get-ref", count: 3 },
      { method: "GET", operationId: "repos/get", count: 2 },
    ]);
    expect(total).toBe(5);
  });

  it("answers the next matching requests slowly on demand", async () => {
    const { octokit } = await signedIn();
    await expect(control.slowNext({ method: "GET", pathPattern: "(", delayMs: 10 })).rejects.toThrow();
    await control.slowNext({ method: "GET", pathPattern: `^/repos/${OWNER}/${REPO}$`, delayMs: 300, times: 1 });
    let started = performance.now();
    expect((await octokit.rest.repos.get(repo)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    started = performance.now();
    await octokit.rest.repos.get(repo);
    expect(performance.now() - started).toBeLessThan(290);
    // An outage without an end in sight is ended by clearing every injection.
    await control.slowNext({ method: "*", pathPattern: "^/repos/", delayMs: 5000, times: 100 });
    await control.failNext({ method: "*", pathPattern: "^/repos/", status: 500, times: 100 });
    await control.clearInjections();
    expect((await octokit.rest.repos.get(repo)).status).toBe(200);
  });

  it("hides the repository from a token without the repo scope and from other names", async () => {
    const login = unique("user");
    await control.putUser({ login, teams: [], orgMember: true });
    const narrow = new Octokit({ auth: await control.token(login, ["read:org"]), baseUrl: fake.apiUrl, log });
    await expect(narrow.rest.repos.get(repo)).rejects.toMatchObject({ status: 404 });
    const { octokit } = await signedIn();
    await expect(octokit.rest.repos.get({ owner: OWNER, repo: "other" })).rejects.toMatchObject({ status: 404 });
  });

  it("seeds pull requests by the hundred from one commit, with no webhook and no call counted; all or none", async () => {
    const { octokit, login } = await signedIn();
    const { commit } = await branchWithFiles(octokit, 1);
    const heads = Array.from({ length: 3 }, () => unique("seed"));
    const deliveries = (await control.deliveries()).length;
    await control.resetCalls();
    const pulls = await control.openPulls({ sha: commit.sha, heads, author: login });
    expect(pulls.map((pull) => pull.head)).toEqual(heads);
    expect((await control.calls()).total).toBe(0);
    expect((await control.deliveries()).length).toBe(deliveries);

    const read = await octokit.rest.pulls.get({ ...repo, pull_number: pulls[1]!.number });
    expect(read.data).toMatchObject({ state: "open", title: heads[1], user: { login }, head: { ref: heads[1], sha: commit.sha }, base: { ref: "main" } });

    // One existing branch refuses the whole batch: the new one is not made either.
    const fresh = unique("seed");
    await expect(control.openPulls({ sha: commit.sha, heads: [fresh, heads[0]!], author: login })).rejects.toThrow(/422/);
    await expect(octokit.rest.git.getRef({ ...repo, ref: `heads/${fresh}` })).rejects.toMatchObject({ status: 404 });
    await expect(control.openPulls({ sha: "0".repeat(40), heads: [fresh], author: login })).rejects.toThrow(/sha must name a commit/);
    await expect(control.openPulls({ sha: commit.sha, heads: [fresh], author: "nobody-here" })).rejects.toThrow(/author/);
  });

  it("recorded no violations of GitHub's description", () => {
    expect(fake.violations()).toEqual([]);
  });
});
