import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/create-db";
import { parseEnv } from "@/lib/env";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import type { BranchMerger, PullRequestReader, PullRequestStatus } from "@/lib/git/git-provider";
import { fakeRequestDb, requestRow, type RequestRow } from "../testing/fake-request-db";
import { fakeInventory, fakeServices, gitOf, inventorySnapshot, NOW, roles, viewer } from "../testing/fake-services";
import { merge, pollOpenPullRequests, previewNamespaceRequest, receiveWebhook, requestFor, reviewCountFor } from "./request-service";

const inventory = () => fakeInventory(inventorySnapshot([namespaceRecord("orders-dev")]));
const visits = viewer("vic", ["hmpps-visits"]);

describe("previewNamespaceRequest", () => {
  // Note: the preview's one query is request.findFirst (an active request holding the name).
  const pending = (id: string | null) => ({ request: { findFirst: async () => (id ? { id } : null) } }) as unknown as Db;
  const preview = (who: Parameters<typeof previewNamespaceRequest>[1], input: unknown, db = pending(null)) =>
    previewNamespaceRequest(fakeServices({ db, inventory: inventory() }), who, input);

  it("refuses anonymous viewers", async () => {
    await expect(preview(null, namespaceRequestFixture())).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("renders the files of a valid request of the owning team and runs the repository's checks over them", async () => {
    const prepared = await preview(visits, namespaceRequestFixture());
    expect(prepared.fields).toEqual({});
    expect(prepared.value?.name).toBe("book-a-visit-dev");
    expect(prepared.files.map((f) => f.path)).toContain("namespaces/live.cloud-platform.service.justice.gov.uk/book-a-visit-dev/00-namespace.yaml");
    expect(prepared.checks.map((c) => c.id)).toContain("check-permissions");
    expect(prepared.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(prepared.review).toMatchObject({ version: 2, failing: [], flags: { production: false, iam: false } });
  });

  it("names what stands in the way: a name taken by a namespace or an active request, a team the viewer is not in, bad fields", async () => {
    expect((await preview(visits, namespaceRequestFixture({ name: "orders-dev" }))).fields.name).toMatch(/already exists/);
    expect((await preview(visits, namespaceRequestFixture(), pending("r9"))).fields.name).toMatch(/already requested \(request r9\)/);
    expect((await preview(roles.owner, namespaceRequestFixture())).fields.team).toMatch(/not a member of the GitHub team hmpps-visits/);
    const bad = await preview(visits, namespaceRequestFixture({ name: "Bad_Name" }));
    expect(bad).toMatchObject({ value: null, files: [], fields: { name: expect.any(String) } });
  });
});

describe("requestFor", () => {
  const rita = roles.reviewer;
  const deps = (row: RequestRow, git: { reader?: PullRequestReader | null; merger?: BranchMerger | null } = {}) =>
    fakeServices({ db: fakeRequestDb([row]).db, inventory: inventory(), git: gitOf(git) });
  const merger: BranchMerger = { mergeBranch: async () => "sha" };

  it("refuses anonymous viewers, and answers not_found to someone who may not see the request", async () => {
    await expect(requestFor(deps(requestRow("r1")), null, "r1")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(requestFor(deps(requestRow("r1")), roles.member, "r1")).rejects.toMatchObject({ code: "not_found" });
  });

  it.each([
    ["a reviewer, on an open request", rita, requestRow("r1"), {}, ["approve", "request_changes", "close"]],
    ["a reviewer who is its requester: only withdraw", rita, requestRow("r1", { requester: "rita" }), {}, ["withdraw"]],
    [
      "a reviewer who is its requester, approved (local provider): no merge",
      rita,
      requestRow("r1", { requester: "rita", state: "approved" }),
      { merger },
      ["withdraw"],
    ],
    ["a reviewer, on an approved request (local provider)", rita, requestRow("r1", { state: "approved" }), { merger }, ["request_changes", "merge", "close"]],
    ["a reviewer, on an approved request (GitHub: merged there)", rita, requestRow("r1", { state: "approved" }), {}, ["request_changes", "close"]],
    ["its team, on a failed request", roles.owner, requestRow("r1", { state: "failed" }), {}, ["retry", "withdraw"]],
    ["its team, on an open request Berth never wrote to: no revise", roles.owner, requestRow("r1"), { merger }, ["withdraw"]],
    ["its team, on an open request", roles.owner, requestRow("r1", { pushedSha: "a".repeat(40), headSha: "a".repeat(40) }), { merger }, ["revise", "withdraw"]],
    [
      "its team, on changes requested",
      roles.owner,
      requestRow("r1", { state: "changes_requested", pushedSha: "a".repeat(40), headSha: "a".repeat(40) }),
      {},
      ["revise", "withdraw"],
    ],
    [
      "its team, on a branch changed outside Berth: no revise",
      roles.owner,
      requestRow("r1", { state: "changes_requested", pushedSha: "a".repeat(40), headSha: "b".repeat(40) }),
      {},
      ["withdraw"],
    ],
    ["its team, on a request in conflict", roles.owner, requestRow("r1", { state: "conflict", pushedSha: "a".repeat(40) }), { merger }, ["revise", "withdraw"]],
    ["a reviewer, on a merged request", rita, requestRow("r1", { state: "merged" }), { merger }, []],
  ] as const)("offers %s: %j", async (_, who, row, git, actions) => {
    expect((await requestFor(deps(row, git), who, "r1")).actions).toEqual(actions);
  });

  it("shows the stored snapshot of the pull request and never asks GitHub on a page view", async () => {
    const status: PullRequestStatus = {
      number: 7,
      state: "open",
      merged: false,
      headSha: "abc",
      headRef: "berth/r1",
      headRepo: "org/envs",
      updatedAt: "2026-06-01T00:00:00Z",
      mergeable: true,
      reviews: [],
      checks: [],
      comments: [],
    };
    const snapshot = { ...status, fetchedAt: "2026-06-01T00:01:00Z", source: "poll" };
    const row = requestRow("r1", { prNumber: 7, prSnapshot: snapshot, prFetchedAt: new Date(snapshot.fetchedAt) });
    const asked: number[] = [];
    const reader: PullRequestReader = {
      getPullRequest: async (n) => (asked.push(n), status),
      readPullRequests: async (ns) => (asked.push(...ns), new Map()),
      closePullRequest: async () => undefined,
    };
    expect((await requestFor(deps(row, { reader }), rita, "r1")).pullRequest).toEqual(snapshot);
    expect((await requestFor(deps(requestRow("r1", { prNumber: 7 }), { reader }), rita, "r1")).pullRequest).toBeNull();
    expect((await requestFor(deps(requestRow("r1")), rita, "r1")).pullRequest).toBeNull();
    expect(asked).toEqual([]);
  });
});

describe("merge", () => {
  function setup(row: RequestRow, merger: BranchMerger | null) {
    const requests = fakeRequestDb([row]);
    const deps = fakeServices({ db: requests.db, inventory: inventory(), git: gitOf({ merger }) });
    return { deps, requests, inventory: deps.inventory as ReturnType<typeof fakeInventory> };
  }

  it("answers not_found when pull requests are merged on GitHub (no merger)", async () => {
    // The database is absent: the refusal comes before any read.
    await expect(merge(fakeServices(), roles.reviewer, "r1")).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses anonymous viewers and non-reviewers, merging nothing", async () => {
    const mergeBranch = vi.fn(async () => "sha");
    const { deps } = setup(requestRow("r1", { state: "approved" }), { mergeBranch });
    await expect(merge(deps, null, "r1")).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(merge(deps, roles.owner, "r1")).rejects.toMatchObject({ code: "forbidden" });
    expect(mergeBranch).not.toHaveBeenCalled();
  });

  it("merges an approved request's branch, records it, and re-reads the inventory", async () => {
    const mergeBranch = vi.fn(async () => "0123456789abcdef");
    const { deps, requests, inventory } = setup(requestRow("r1", { state: "approved" }), { mergeBranch });
    await merge(deps, roles.reviewer, "r1");
    expect(mergeBranch).toHaveBeenCalledWith("berth/r1", expect.stringContaining("namespace ns-r1 (request r1)"), null);
    expect(requests.requests.get("r1")?.state).toBe("merged");
    expect(requests.events).toEqual([{ requestId: "r1", fromState: "approved", toState: "merged", actor: "rita", note: "Merged as 0123456789ab" }]);
    expect(inventory.refreshes).toBe(1);
  });

  it("refuses a request that is not approved", async () => {
    const { deps, inventory } = setup(requestRow("r1"), { mergeBranch: async () => "sha" });
    await expect(merge(deps, roles.reviewer, "r1")).rejects.toMatchObject({ code: "conflict" });
    expect(inventory.refreshes).toBe(0);
  });
});

describe("reviewCountFor", () => {
  it("counts open requests for reviewers and is null for everyone else, without a query", async () => {
    const count = vi.fn(async () => 3);
    // Note: the count is the one query (request.count); the cast says no more of Db exists.
    const db = { request: { count } } as unknown as Db;
    expect(await reviewCountFor({ db }, null)).toBeNull();
    expect(await reviewCountFor({ db }, roles.owner)).toBeNull();
    expect(count).not.toHaveBeenCalled();
    expect(await reviewCountFor({ db }, roles.reviewer)).toBe(3);
    expect(count).toHaveBeenCalledWith({ where: { state: { in: ["pr_open", "changes_requested", "approved"] } } });
  });
});

describe("receiveWebhook", () => {
  const secret = "webhook-secret-0123456789";
  const github = parseEnv({
    BERTH_GIT_PROVIDER: "github",
    GITHUB_ENVIRONMENTS_REPO: "acme/environments",
    GITHUB_BOT_TOKEN: "bot",
    GITHUB_WEBHOOK_SECRET: secret,
  });
  const signed = (body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  const push = JSON.stringify({ ref: "refs/heads/main" });
  const counted = async (deps: ReturnType<typeof fakeServices>, outcome: string) =>
    (await deps.metrics.render()).body.includes(`berth_webhook_deliveries_total{event="push",outcome="${outcome}"} 1`);

  it("answers not_found unless the provider is GitHub with a webhook secret", async () => {
    const delivery = { rawBody: push, event: "push", delivery: "d1", signature: signed(push) };
    await expect(receiveWebhook(fakeServices(), delivery)).rejects.toMatchObject({ code: "not_found" });
    await expect(receiveWebhook(fakeServices({ env: { ...github, GITHUB_WEBHOOK_SECRET: undefined } }), delivery)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a bad signature before any database work and counts it as refused", async () => {
    const deps = fakeServices({ env: github });
    await expect(receiveWebhook(deps, { rawBody: push, event: "push", delivery: "d1", signature: signed("something else") })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    expect(await counted(deps, "refused")).toBe(true);
    expect(deps.log.lines).toMatchObject([{ level: "warn", msg: "webhook refused: bad or missing signature" }]);
  });

  it("reads a tracked pull request again from GitHub when a comment on it arrives", async () => {
    const requests = fakeRequestDb([requestRow("r1", { prNumber: 7, prHeadRepo: "acme/environments", branch: "berth/namespace-ns-r1-r1" })]);
    const asked: number[] = [];
    const reader: PullRequestReader = {
      getPullRequest: async () => Promise.reject(new Error("not asked")),
      readPullRequests: async (ns) => (asked.push(...ns), new Map()),
      closePullRequest: async () => undefined,
    };
    const deps = fakeServices({ env: github, db: requests.db, git: gitOf({ reader }) });
    const body = JSON.stringify({
      action: "created",
      issue: { number: 7, pull_request: {} },
      comment: { id: 1, body: "hi" },
      repository: { full_name: "acme/environments" },
    });
    expect(await receiveWebhook(deps, { rawBody: body, event: "issue_comment", delivery: "c1", signature: signed(body) })).toEqual({
      handled: "issue_comment",
    });
    expect(asked).toEqual([7]);
  });

  it("handles a signed push to the base branch by syncing the clone, and counts a replay", async () => {
    const syncClone = vi.fn(async () => undefined);
    const claimed = new Set<string>();
    // Note: a push touches only webhookDelivery.create (the replay guard); a second claim fails as the unique index would.
    const db = {
      webhookDelivery: {
        create: async ({ data }: { data: { id: string } }) => (claimed.has(data.id) ? Promise.reject({ code: "P2002" }) : claimed.add(data.id)),
      },
    } as unknown as Db;
    const deps = fakeServices({ env: github, db, syncClone });
    const delivery = { rawBody: push, event: "push", delivery: "d1", signature: signed(push) };
    expect(await receiveWebhook(deps, delivery)).toEqual({ handled: "push" });
    expect(syncClone).toHaveBeenCalledTimes(1);
    expect(await counted(deps, "handled")).toBe(true);
    await expect(receiveWebhook(deps, delivery)).rejects.toMatchObject({ code: "conflict" });
    expect(await counted(deps, "replay")).toBe(true);
  });
});

describe("pollOpenPullRequests", () => {
  it("without a pull-request reader moves nothing and only resumes requests stalled for five minutes", async () => {
    const findMany = vi.fn(async () => []);
    // Note: with no stalled rows, resuming makes one query (request.findMany); nothing else of Db is used.
    const db = { request: { findMany } } as unknown as Db;
    expect(await pollOpenPullRequests(fakeServices({ db }))).toBe(0);
    expect(findMany).toHaveBeenCalledTimes(1);
    expect(findMany).toHaveBeenCalledWith(expect.objectContaining({ where: { state: "submitted", updatedAt: { lt: new Date(NOW.getTime() - 5 * 60_000) } } }));
  });
});
