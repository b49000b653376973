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
import type { GitProvider, PullRequestDraft } from "@/lib/git/git-provider";
import { ReviewRefusedError } from "@/lib/git/github-review";
import { createLocalProvider } from "@/lib/git/local-provider";
import type { InventorySnapshot } from "../inventory-store";
import { getRequest } from "./get-request";
import { handleGitHubWebhook } from "./handle-github-webhook";
import { pollPullRequests } from "./poll-pull-requests";
import { retryRequest } from "./retry-request";
import { mergeLocalRequest } from "./merge-local-request";
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
    await expect(reviewRequest(db(), alice, id, { action: "approve" }, null)).rejects.toMatchObject({ code: "forbidden" });
    await expect(reviewRequest(db(), dana, id, { action: "approve" }, null)).rejects.toThrow("You cannot review your own request");
    const other = viewer("erin", ["webops"], true);
    await expect(reviewRequest(db(), other, id, { action: "request_changes", comment: "" }, null)).rejects.toMatchObject({
      code: "invalid_input",
      fields: { comment: expect.any(String) },
    });
    await expect(mergeLocalRequest(db(), other, id, provider)).rejects.toMatchObject({ code: "conflict" });
    await reviewRequest(db(), other, id, { action: "request_changes", comment: "Use the HMPPS business unit" }, null);
    await reviewRequest(db(), other, id, { action: "approve" }, null);
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

describe("reviews posted to GitHub", () => {
  it("are posted as the reviewer, and GitHub's refusal is shown in its own words", async () => {
    const provider: GitProvider = { kind: "github", openPullRequest: async () => ({ number: 77, url: "https://github.example/pr/77", headSha: "abc" }) };
    const { id } = await submitNamespaceRequest(alice, answers("reviews-dev"), deps(provider));
    const posted: unknown[] = [];
    await reviewRequest(db(), dana, id, { action: "approve", comment: "Looks right" }, async (...args) => void posted.push(args));
    expect(posted).toEqual([[77, "APPROVE", "Looks right"]]);
    expect((await getRequest(db(), alice, id)).state).toBe("approved");
    const refuse = async () => {
      throw new ReviewRefusedError("Can not approve your own pull request");
    };
    await expect(reviewRequest(db(), viewer("erin", ["webops"], true), id, { action: "request_changes", comment: "x" }, refuse)).rejects.toThrow(
      "GitHub refused the review: Can not approve your own pull request",
    );
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
      { secret, baseBranch: "main", onPush: async () => void pushes.push(1), log: testLogger() },
    );
  };
  const pushes: number[] = [];

  async function openRequest(name: string, number: number): Promise<string> {
    const provider: GitProvider = { kind: "github", openPullRequest: async () => ({ number, url: `https://github.example/pr/${number}`, headSha: "abc" }) };
    return (await submitNamespaceRequest(alice, answers(name), deps(provider))).id;
  }

  it("refuses forged and replayed deliveries", async () => {
    await expect(hook("ping", {}, { signature: "sha256=" + "0".repeat(64) })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(hook("ping", {}, { signature: null })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(hook("ping", { zen: "a" }, { signature: sign(JSON.stringify({ zen: "b" })) })).rejects.toMatchObject({ code: "unauthenticated" });
    const delivery = randomUUID();
    await hook("ping", { zen: "hi" }, { delivery });
    await expect(hook("ping", { zen: "hi" }, { delivery })).rejects.toMatchObject({ code: "conflict" });
  });

  it("moves a request through approved and merged, ignoring late news", async () => {
    const id = await openRequest("payments-dev", 41);
    await hook("pull_request_review", { action: "submitted", pull_request: { number: 41 }, review: { state: "approved", user: { login: "reviewer1" } } });
    expect((await getRequest(db(), alice, id)).state).toBe("approved");
    await hook("pull_request", { action: "closed", pull_request: { number: 41, merged: true, html_url: "https://github.example/pr/41" } });
    await hook("pull_request_review", { action: "submitted", pull_request: { number: 41 }, review: { state: "changes_requested", user: { login: "late" } } });
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

  it("the poller catches up on missed webhooks", async () => {
    const id = await openRequest("billing-dev", 42);
    const moved = await pollPullRequests(
      db(),
      {
        getPullRequest: async (number) => ({
          number,
          state: "open",
          merged: false,
          headSha: "abc",
          checks: [],
          comments: [],
          reviews: [{ user: "r", state: "CHANGES_REQUESTED", submittedAt: "2026-01-01T00:00:00Z", body: "" }],
        }),
      },
      testLogger(),
    );
    expect(moved).toBeGreaterThanOrEqual(1);
    const request = await getRequest(db(), alice, id);
    expect(request.state).toBe("changes_requested");
    expect(request.events.at(-1)).toMatchObject({ toState: "changes_requested", actor: "r", note: "Seen by the poller" });
  });
});
