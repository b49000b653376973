import { execFileSync } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { embeddedTestDatabase } from "@/lib/db/testing/embedded-test-database";
import { buildIndex } from "@/lib/environments/repository/build-index";
import { cloudPlatformProfile as profile } from "@/lib/environments/profile/profile";
import { generateSampleRepo } from "@/lib/environments/sample/generate-sample-repo";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import { AppError } from "@/lib/errors";
import type { GitProvider, PullRequestDraft, PullRequestStatus } from "@/lib/git/git-provider";
import { ReviewRefusedError } from "@/lib/git/github-review";
import { createLocalProvider } from "@/lib/git/local-provider";
import type { InventorySnapshot } from "../inventory-store";
import { getRequest } from "./get-request";
import { AlreadyBoundError, bindPullRequest } from "./bind-pull-request";
import { handleGitHubWebhook } from "./handle-github-webhook";
import { pollPullRequests } from "./poll-pull-requests";
import { retryRequest } from "./retry-request";
import { mergeLocalRequest } from "./merge-local-request";
import { withdrawRequest } from "./withdraw-request";
import { reviewRequest } from "./review-request";
import { submitNamespaceRequest } from "./submit-namespace-request";
import { testLogger } from "@/lib/testing/test-logger";

const db = embeddedTestDatabase();
let repo: string;
let snapshot: InventorySnapshot;
const draft = { labels: ["berth"], reviewerTeams: ["webops"], publicUrl: "https://berth.example" };
const viewer = (login: string, teams: string[], reviewer = false): Viewer => ({ sessionId: "s", login, name: login, kind: "github", teams, reviewer });
const alice = viewer("alice", ["orders-team"]);
const dana = viewer("dana", ["webops"], true);
const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" }).trim();

beforeAll(async () => {
  repo = path.join(mkdtempSync(path.join(os.tmpdir(), "berth-requests-")), "environments");
  await generateSampleRepo({ dir: repo, namespaces: 20, seed: 3 });
  const index = await buildIndex({ repoPath: repo, profile });
  const namespaces = [...index.namespaces.values()];
  snapshot = { commit: index.commit, indexedAt: new Date(), namespaces, find: (c, n) => namespaces.find((ns) => ns.cluster === c && ns.name === n) };
});
afterAll(() => rmSync(path.dirname(repo), { recursive: true, force: true }));

function answers(name: string, over: Record<string, unknown> = {}) {
  return namespaceRequestFixture({
    name,
    application: "Orders service",
    team: "orders-team",
    slackChannel: "#orders",
    ownerName: "Orders Team",
    ownerEmail: "orders@example.gov.uk",
    sourceCode: "https://github.com/ministryofjustice/orders",
    ...over,
  });
}

const deps = (provider: GitProvider) => ({ db: db(), profile, snapshot, provider, draft, log: testLogger() });
/** Reviews that stay in Berth (local provider): the head is the one recorded. */
const inBerth = { post: null, currentHead: async (row: { headSha: string | null }) => row.headSha };
const headOf = async (id: string) => (await db().request.findUniqueOrThrow({ where: { id } })).headSha!;
const SHA_A = "a".repeat(40);
const SHA_B = "b".repeat(40);
const REPO = "ministryofjustice/cloud-platform-environments";
const githubProvider = (number: number): GitProvider => ({
  kind: "github",
  openPullRequest: async () => ({ number, url: `https://github.example/pr/${number}`, headRepo: REPO, headSha: SHA_A }),
});

async function fieldsOf(work: Promise<unknown>): Promise<Record<string, string>> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(422);
  return (error as AppError).fields ?? {};
}

describe("namespace requests", () => {
  it("refuses bad input with field errors and writes nothing: no row, no branch", async () => {
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    const branchesBefore = git("branch", "--list");
    const rowsBefore = await db().request.count();
    expect(await fieldsOf(submitNamespaceRequest(alice, answers("Bad_Name", { ownerEmail: "nope" }), deps(provider)))).toMatchObject({
      name: expect.any(String),
      ownerEmail: expect.any(String),
    });
    expect(await fieldsOf(submitNamespaceRequest(alice, answers(snapshot.namespaces[0]!.name), deps(provider)))).toMatchObject({
      name: expect.stringContaining("already exists"),
    });
    expect(await fieldsOf(submitNamespaceRequest(alice, answers("orders-dev", { team: "someone-elses-team" }), deps(provider)))).toMatchObject({
      team: expect.stringContaining("not a member"),
    });
    expect(await fieldsOf(submitNamespaceRequest(alice, answers("orders-dev", { application: 'x"\n  evil: true' }), deps(provider)))).toHaveProperty(
      "application",
    );
    expect(git("branch", "--list")).toBe(branchesBefore);
    expect(await db().request.count()).toBe(rowsBefore);
  });

  it("opens one branch with one commit of exactly the rendered files, and holds the name", async () => {
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    const { id } = await submitNamespaceRequest(alice, answers("orders-dev"), deps(provider));
    const request = await getRequest(db(), alice, id);
    expect(request.state).toBe("pr_open");
    expect(git("rev-list", "--count", `main..${request.branch}`)).toBe("1");
    const changed = git("diff", "--name-only", `main...${request.branch}`).split("\n");
    expect(changed).toEqual(request.files.map((f) => f.path));
    expect(changed).toHaveLength(8);
    expect(request.events.map((e) => e.toState)).toEqual(["submitted", "pr_open"]);
    expect(await fieldsOf(submitNamespaceRequest(alice, answers("orders-dev", { cluster: "live-2" }), deps(provider)))).toMatchObject({
      name: expect.stringContaining("already requested"),
    });
    await expect(getRequest(db(), viewer("mallory", ["other"]), id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("gives a name to only one of two requests made at the same moment", async () => {
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    const results = await Promise.allSettled([
      submitNamespaceRequest(alice, answers("race-dev"), deps(provider)),
      submitNamespaceRequest(alice, answers("race-dev", { cluster: "live-2" }), deps(provider)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(refused.reason).toMatchObject({ code: "invalid_input", fields: { name: expect.stringContaining("already requested") } });
    expect(await db().request.count({ where: { namespace: "race-dev" } })).toBe(1);
  });

  it("leaves a failed request with the reason, and a retry resumes the same branch", async () => {
    const local = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    const seen: PullRequestDraft[] = [];
    let fail = true;
    const flaky: GitProvider = {
      kind: "local",
      async openPullRequest(d) {
        seen.push(d);
        const opened = await local.openPullRequest(d);
        if (fail) throw Object.assign(new Error("Bad Gateway"), { status: 502 });
        return opened;
      },
    };
    const { id } = await submitNamespaceRequest(alice, answers("orders-staging", { environment: "staging" }), deps(flaky));
    let request = await getRequest(db(), alice, id);
    expect(request).toMatchObject({ state: "failed", failure: "GitHub answered 502: Bad Gateway" });
    fail = false;
    await retryRequest(db(), alice, id, { provider: flaky, draft, log: testLogger() });
    request = await getRequest(db(), alice, id);
    expect(request.state).toBe("pr_open");
    expect(seen.map((d) => d.branch)).toEqual([request.branch, request.branch]);
    expect(git("branch", "--list", "berth/namespace-orders-staging-*").split("\n")).toHaveLength(1);
    expect(request.events.map((e) => e.toState)).toEqual(["submitted", "failed", "pr_open"]);
  });

  it("is approved and merged in Berth with the local provider, never by its requester", async () => {
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    const { id } = await submitNamespaceRequest(dana, answers("platform-tools-dev", { team: "webops" }), deps(provider));
    const head = await headOf(id);
    await expect(reviewRequest(db(), alice, id, { action: "approve", headSha: head }, inBerth)).rejects.toMatchObject({ code: "forbidden" });
    await expect(reviewRequest(db(), dana, id, { action: "approve", headSha: head }, inBerth)).rejects.toThrow("You cannot review your own request");
    const other = viewer("erin", ["webops"], true);
    await expect(reviewRequest(db(), other, id, { action: "request_changes", comment: "" }, inBerth)).rejects.toMatchObject({
      code: "invalid_input",
      fields: { comment: expect.any(String) },
    });
    await expect(mergeLocalRequest(db(), other, id, provider)).rejects.toMatchObject({ code: "conflict" });
    await reviewRequest(db(), other, id, { action: "request_changes", comment: "Use the HMPPS business unit" }, inBerth);
    await reviewRequest(db(), other, id, { action: "approve", headSha: head }, inBerth);
    // Note: dana is a reviewer too, but never merges her own request once someone else approved it.
    await expect(mergeLocalRequest(db(), dana, id, provider)).rejects.toMatchObject({ code: "forbidden" });
    await mergeLocalRequest(db(), other, id, provider);
    const merged = await getRequest(db(), dana, id);
    expect(merged.events.map((e) => [e.toState, e.actor])).toEqual([
      ["submitted", "dana"],
      ["pr_open", "berth"],
      ["changes_requested", "erin"],
      ["approved", "erin"],
      ["merged", "erin"],
    ]);
    expect(git("ls-tree", "-r", "--name-only", "main")).toContain("namespaces/live.cloud-platform.service.justice.gov.uk/platform-tools-dev/00-namespace.yaml");
  });
});

describe("merging in Berth (local provider)", () => {
  const erin = viewer("erin", ["webops"], true);
  const IDENTITY = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@x", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@x" };

  async function approved(name: string): Promise<string> {
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    const { id } = await submitNamespaceRequest(alice, answers(name), deps(provider));
    await reviewRequest(db(), erin, id, { action: "approve", headSha: await headOf(id) }, inBerth);
    return id;
  }

  /** Someone else's change lands on main first, writing one of the request's files differently. */
  function commitToMain(file: string, content: string) {
    const index = path.join(mkdtempSync(path.join(os.tmpdir(), "berth-index-")), "index");
    const env = { ...process.env, ...IDENTITY, GIT_INDEX_FILE: index };
    const run = (args: string[], input?: string) => execFileSync("git", ["-C", repo, ...args], { env, input, encoding: "utf8" }).trim();
    const blob = run(["hash-object", "-w", "--stdin"], content);
    run(["read-tree", "main"]);
    run(["update-index", "--add", "--cacheinfo", `100644,${blob},${file}`]);
    const commit = run(["commit-tree", run(["write-tree"]), "-p", "main", "-m", "someone else"]);
    run(["update-ref", "refs/heads/main", commit]);
  }

  it("two merges of one request at the same moment: one merges, the other answers 409", async () => {
    const id = await approved("double-merge-dev");
    // Two providers, as two requests handled apart: the base branch's compare-and-swap decides.
    const results = await Promise.allSettled([
      mergeLocalRequest(db(), erin, id, createLocalProvider({ repoPath: repo, baseBranch: "main" })),
      mergeLocalRequest(db(), erin, id, createLocalProvider({ repoPath: repo, baseBranch: "main" })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((refused.reason as AppError).status).toBe(409);
    expect((await getRequest(db(), alice, id)).state).toBe("merged");
    expect(git("log", "--oneline", "--merges", "main", "--grep", `request ${id}`).split("\n")).toHaveLength(1);
  });

  it("one provider, two merges queued: the second finds it already merged (409)", async () => {
    const id = await approved("queued-merge-dev");
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    const results = await Promise.allSettled([mergeLocalRequest(db(), erin, id, provider), mergeLocalRequest(db(), erin, id, provider)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
  });

  it("a request that no longer merges cleanly goes to conflict, and its requester can withdraw it", async () => {
    const id = await approved("conflicted-dev");
    const request = await getRequest(db(), alice, id);
    commitToMain(request.files[0]!.path, "someone else's version\n");
    const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
    await expect(mergeLocalRequest(db(), erin, id, provider)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("no longer merges cleanly"),
    });
    expect((await getRequest(db(), alice, id)).state).toBe("conflict");
    await expect(withdrawRequest(db(), viewer("mallory", ["other"]), id, null)).rejects.toMatchObject({ code: "not_found" });
    await withdrawRequest(db(), alice, id, null);
    const closed = await getRequest(db(), alice, id);
    expect(closed.state).toBe("closed");
    expect(closed.events.slice(-2).map((e) => [e.toState, e.actor])).toEqual([
      ["conflict", "berth"],
      ["closed", "alice"],
    ]);
    // The name is free again.
    const again = await submitNamespaceRequest(alice, answers("conflicted-dev"), deps(provider));
    expect((await getRequest(db(), alice, again.id)).state).toBe("pr_open");
  });

  it("never merges a branch someone pushed to outside Berth", async () => {
    const id = await approved("pushed-local-dev");
    const request = await getRequest(db(), alice, id);
    git("branch", "-f", request.branch, "main");
    await expect(mergeLocalRequest(db(), erin, id, createLocalProvider({ repoPath: repo, baseBranch: "main" }))).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("changed outside Berth"),
    });
    expect((await getRequest(db(), alice, id)).state).toBe("approved");
  });
});

describe("reviews posted to GitHub", () => {
  it("are posted as the reviewer, and GitHub's refusal is shown in its own words", async () => {
    const { id } = await submitNamespaceRequest(alice, answers("reviews-dev"), deps(githubProvider(77)));
    const posted: unknown[] = [];
    const github = { post: async (...args: unknown[]) => void posted.push(args), currentHead: async () => SHA_A };
    await reviewRequest(db(), dana, id, { action: "approve", comment: "Looks right", headSha: SHA_A }, github);
    expect(posted).toEqual([[77, "APPROVE", "Looks right", SHA_A]]);
    expect((await getRequest(db(), alice, id)).state).toBe("approved");
    const refuse = async () => {
      throw new ReviewRefusedError("Can not approve your own pull request");
    };
    await expect(
      reviewRequest(db(), viewer("erin", ["webops"], true), id, { action: "request_changes", comment: "x" }, { post: refuse, currentHead: async () => SHA_A }),
    ).rejects.toThrow("GitHub refused the review: Can not approve your own pull request");
  });
});

describe("GitHub webhooks and the poller", () => {
  const secret = "webhook-secret-0123456789";
  const sign = (body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  const hook = (event: string, payload: object, options: { signature?: string | null; delivery?: string } = {}) => {
    const rawBody = JSON.stringify(payload);
    return handleGitHubWebhook(
      db(),
      { rawBody, event, delivery: options.delivery ?? randomUUID(), signature: options.signature === undefined ? sign(rawBody) : options.signature },
      { secret, repo: REPO, baseBranch: "main", onPush: async () => void pushes.push(1), log: testLogger() },
    );
  };
  const pushes: number[] = [];

  async function openRequest(name: string, number: number): Promise<{ id: string; branch: string }> {
    const { id } = await submitNamespaceRequest(alice, answers(name), deps(githubProvider(number)));
    return { id, branch: (await getRequest(db(), alice, id)).branch };
  }
  /** A pull request as GitHub's events carry it; `over` changes what a test is about (another repository, number, branch, time). */
  const pull = (number: number, branch: string, over: { repo?: string; merged?: boolean; updatedAt?: string; sha?: string } = {}) => ({
    number,
    merged: over.merged ?? false,
    html_url: `https://github.example/pr/${number}`,
    updated_at: over.updatedAt ?? "2026-06-01T10:00:00Z",
    head: { ref: branch, sha: over.sha ?? SHA_A, repo: { full_name: over.repo ?? REPO } },
    base: { ref: "main", repo: { full_name: REPO } },
  });
  const status = (number: number, branch: string, over: Partial<PullRequestStatus> = {}): PullRequestStatus => ({
    number,
    state: "open",
    merged: false,
    headSha: SHA_A,
    headRef: branch,
    headRepo: REPO,
    updatedAt: "2026-06-01T10:00:00Z",
    mergeable: true,
    checks: [],
    comments: [],
    reviews: [],
    ...over,
  });
  const reader = (pr: PullRequestStatus) => ({ readPullRequests: async (numbers: readonly number[]) => new Map(numbers.map((n) => [n, pr] as const)) });

  it("refuses forged and replayed deliveries", async () => {
    await expect(hook("ping", {}, { signature: "sha256=" + "0".repeat(64) })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(hook("ping", {}, { signature: null })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(hook("ping", { zen: "a" }, { signature: sign(JSON.stringify({ zen: "b" })) })).rejects.toMatchObject({ code: "unauthenticated" });
    const delivery = randomUUID();
    await hook("ping", { zen: "hi" }, { delivery });
    await expect(hook("ping", { zen: "hi" }, { delivery })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a captured payload replayed under a fresh delivery id", async () => {
    const { id, branch } = await openRequest("replay-dev", 43);
    const closed = { action: "closed", pull_request: pull(43, branch, { updatedAt: "2026-06-01T11:00:00Z" }) };
    await hook("pull_request", closed);
    await hook("pull_request", { action: "reopened", pull_request: pull(43, branch, { updatedAt: "2026-06-01T12:00:00Z" }) });
    await expect(hook("pull_request", closed, { delivery: randomUUID() })).rejects.toMatchObject({ code: "conflict" });
    expect((await getRequest(db(), alice, id)).state).toBe("pr_open");
  });

  it("never moves a request backwards on news older than what it knows", async () => {
    const { id, branch } = await openRequest("stale-news-dev", 44);
    const at = (updatedAt: string) => pull(44, branch, { updatedAt });
    await hook("pull_request_review", { action: "submitted", pull_request: at("2026-06-01T12:00:00Z"), review: { state: "approved", user: { login: "r1" } } });
    // An earlier "changes requested", delivered late (or replayed with a new body), is ignored.
    const late = { action: "submitted", pull_request: at("2026-06-01T11:00:00Z"), review: { state: "changes_requested", user: { login: "r0" } } };
    expect(await hook("pull_request_review", late)).toEqual({ handled: "stale" });
    expect((await getRequest(db(), alice, id)).state).toBe("approved");
    const moved = await pollPullRequests(
      db(),
      reader(status(44, branch, { updatedAt: "2026-06-01T11:30:00Z", reviews: [{ user: "r0", state: "CHANGES_REQUESTED", submittedAt: null, body: "" }] })),
      testLogger(),
      REPO,
    );
    expect(moved).toBe(0);
    expect((await getRequest(db(), alice, id)).state).toBe("approved");
  });

  it("moves a request through approved and merged, ignoring late news", async () => {
    const { id, branch } = await openRequest("payments-dev", 41);
    await hook("pull_request_review", { action: "submitted", pull_request: pull(41, branch), review: { state: "approved", user: { login: "reviewer1" } } });
    expect((await getRequest(db(), alice, id)).state).toBe("approved");
    await hook("pull_request", { action: "closed", pull_request: pull(41, branch, { merged: true, updatedAt: "2026-06-01T10:05:00Z" }) });
    const late = { action: "submitted", pull_request: pull(41, branch, { updatedAt: "2026-06-01T10:06:00Z" }), review: { state: "changes_requested" } };
    await hook("pull_request_review", late);
    const request = await getRequest(db(), alice, id);
    expect(request.state).toBe("merged");
    expect(request.events.map((e) => [e.toState, e.actor])).toEqual([
      ["submitted", "alice"],
      ["pr_open", "berth"],
      ["approved", "reviewer1"],
      ["merged", "github"],
    ]);
    await hook("push", { ref: "refs/heads/main" });
    expect(pushes).toHaveLength(1);
  });

  it("events for any other pull request never touch a request: a fork's, another number, another branch", async () => {
    const { id, branch } = await openRequest("bound-dev", 45);
    const before = await db().request.findUniqueOrThrow({ where: { id } });
    const others = [
      pull(45, branch, { repo: "mallory/cloud-platform-environments" }),
      pull(99, branch),
      pull(99, branch, { repo: "mallory/cloud-platform-environments" }),
      pull(45, "berth/someone-else"),
    ];
    for (const other of others) {
      expect(await hook("pull_request", { action: "closed", pull_request: { ...other, html_url: "https://github.example/mallory/pr/1" } })).toEqual({
        handled: "ignored",
      });
      await hook("pull_request_review", { action: "submitted", pull_request: other, review: { state: "approved", user: { login: "mallory" } } });
    }
    const after = await db().request.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ state: "pr_open", prNumber: 45, prUrl: "https://github.example/pr/45", prHeadRepo: REPO, headSha: SHA_A });
    expect(after.updatedAt).toEqual(before.updatedAt);
    // The poller does not apply a pull request whose head is not the binding either.
    const fork = status(45, branch, { headRepo: "mallory/cloud-platform-environments", state: "closed" });
    expect(await pollPullRequests(db(), reader(fork), testLogger(), REPO)).toBe(0);
    expect((await getRequest(db(), alice, id)).state).toBe("pr_open");
    // And the binding itself is made once: another pull request cannot be bound later.
    await expect(bindPullRequest(db(), id, { number: 99, url: "https://github.example/pr/99", headRepo: REPO, headSha: SHA_B })).rejects.toThrow(
      AlreadyBoundError,
    );
  });

  it("records a push outside Berth, and refuses an approval of the head the reviewer was not shown", async () => {
    const { id, branch } = await openRequest("pushed-dev", 46);
    await hook("pull_request", { action: "synchronize", pull_request: pull(46, branch, { sha: SHA_B, updatedAt: "2026-06-01T10:10:00Z" }) });
    expect(await db().request.findUniqueOrThrow({ where: { id } })).toMatchObject({ pushedSha: SHA_A, headSha: SHA_B, state: "pr_open" });
    const posted: unknown[] = [];
    const github = { post: async (...args: unknown[]) => void posted.push(args), currentHead: async () => SHA_B };
    await expect(reviewRequest(db(), dana, id, { action: "approve", headSha: SHA_A }, github)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("The branch changed since you loaded this page"),
    });
    await expect(reviewRequest(db(), dana, id, { action: "approve" }, github)).rejects.toMatchObject({
      code: "invalid_input",
      fields: { headSha: expect.any(String) },
    });
    expect(posted).toEqual([]);
    expect((await getRequest(db(), alice, id)).state).toBe("pr_open");
    await reviewRequest(db(), dana, id, { action: "approve", headSha: SHA_B }, github);
    expect(posted).toEqual([[46, "APPROVE", "", SHA_B]]);
  });

  it("the poller catches up on missed webhooks, and marks a branch that no longer merges as a conflict", async () => {
    const { id, branch } = await openRequest("billing-dev", 42);
    const changes = status(42, branch, { reviews: [{ user: "r", state: "CHANGES_REQUESTED", submittedAt: "2026-01-01T00:00:00Z", body: "" }] });
    expect(await pollPullRequests(db(), reader(changes), testLogger(), REPO)).toBe(1);
    let request = await getRequest(db(), alice, id);
    expect(request.state).toBe("changes_requested");
    expect(request.events.at(-1)).toMatchObject({ toState: "changes_requested", actor: "r", note: "Seen by the poller" });
    expect(await pollPullRequests(db(), reader({ ...changes, mergeable: false, updatedAt: "2026-06-01T10:20:00Z" }), testLogger(), REPO)).toBe(1);
    request = await getRequest(db(), alice, id);
    expect(request.state).toBe("conflict");
  });
});
