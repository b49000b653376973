import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { requestAnswers } from "./fixtures/requests";
import { createGitHubUser, signInWithGitHub } from "./fixtures/sign-in";

/**
 * Every route handler, page and server action, with what each role gets.
 * A new route or action without an entry here fails this test: decide who may
 * use it before it ships.
 */
type Role = "anonymous" | "member" | "owner" | "otherOwner" | "reviewer";
type Expect = Record<Role, number>;
interface Entry {
  /** The file under app/ that serves it. */
  file: string;
  method: "GET" | "POST";
  /** A concrete URL; {ns} is the test's namespace, {req} a request the owner made. */
  url: string;
  body?: unknown;
  expect: Expect;
}

const signedIn = (status: number): Expect => ({ anonymous: 401, member: status, owner: status, otherOwner: status, reviewer: status });
/** Pages: anonymous visitors are sent to sign in (307), everyone signed in sees them. */
const page: Expect = { anonymous: 307, member: 200, owner: 200, otherOwner: 200, reviewer: 200 };
const open: Expect = { anonymous: 200, member: 200, owner: 200, otherOwner: 200, reviewer: 200 };
/** Platform reviewers only: signed-in others are refused. */
const reviewersOnly: Expect = { anonymous: 401, member: 403, owner: 403, otherOwner: 403, reviewer: 200 };
/** A request is visible to its team and reviewers; others get a 404 that says nothing of it. */
const requestPage: Expect = { anonymous: 307, member: 404, owner: 200, otherOwner: 404, reviewer: 200 };

const MATRIX: Entry[] = [
  { file: "api/auth/[...nextauth]/route.ts", method: "GET", url: "/api/auth/providers", expect: open },
  { file: "api/namespaces/route.ts", method: "GET", url: "/api/namespaces", expect: signedIn(200) },
  { file: "api/namespaces/export/route.ts", method: "GET", url: "/api/namespaces/export", expect: signedIn(200) },
  // Secrets' keys and events are in the body for owners and reviewers only (cluster-status.spec.ts checks the body).
  { file: "api/namespaces/[cluster]/[name]/status/route.ts", method: "GET", url: "/api/namespaces/live/{ns}/status", expect: signedIn(200) },
  // Pod logs: owners and reviewers, as Secrets' keys; the matrix's pod does not exist, so they get the cluster's 404.
  {
    file: "api/namespaces/[cluster]/[name]/pods/[pod]/logs/route.ts",
    method: "GET",
    url: "/api/namespaces/live/{ns}/pods/matrix-pod/logs?container=app",
    expect: { anonymous: 401, member: 403, owner: 404, otherOwner: 403, reviewer: 404 },
  },
  {
    file: "namespaces/[cluster]/[name]/pods/[pod]/logs/page.tsx",
    method: "GET",
    url: "/namespaces/live/{ns}/pods/matrix-pod/logs",
    expect: { anonymous: 307, member: 403, owner: 404, otherOwner: 403, reviewer: 404 },
  },
  // Its folder names repository ministryofjustice/{ns}: an application of one namespace, seen by every member.
  { file: "applications/[key]/page.tsx", method: "GET", url: "/applications/{ns}", expect: page },
  { file: "drift/page.tsx", method: "GET", url: "/drift", expect: page },
  { file: "api/drift/route.ts", method: "GET", url: "/api/drift", expect: signedIn(200) },
  { file: "clusters/[cluster]/page.tsx", method: "GET", url: "/clusters/live", expect: page },
  {
    file: "api/reviews/count/route.ts",
    method: "GET",
    url: "/api/reviews/count",
    expect: { anonymous: 401, member: 403, owner: 403, otherOwner: 403, reviewer: 200 },
  },
  {
    file: "api/requests/[id]/state/route.ts",
    method: "GET",
    url: "/api/requests/{req}/state",
    expect: { anonymous: 401, member: 404, owner: 200, otherOwner: 404, reviewer: 200 },
  },
  { file: "clusters/[cluster]/[name]/page.tsx", method: "GET", url: "/clusters/live/kube-system", expect: page },
  { file: "api/me/teams/route.ts", method: "POST", url: "/api/me/teams", expect: signedIn(200) },
  { file: "api/requests/route.ts", method: "GET", url: "/api/requests", expect: signedIn(200) },
  { file: "api/requests/route.ts", method: "POST", url: "/api/requests", body: {}, expect: signedIn(422) },
  { file: "api/requests/preview/route.ts", method: "POST", url: "/api/requests/preview", body: {}, expect: signedIn(200) },
  {
    file: "api/requests/[id]/retry/route.ts",
    method: "POST",
    url: "/api/requests/{req}/retry",
    body: {},
    expect: { anonymous: 401, member: 404, owner: 409, otherOwner: 404, reviewer: 409 },
  },
  {
    file: "api/requests/[id]/review/route.ts",
    method: "POST",
    url: "/api/requests/{req}/review",
    body: { action: "merge" },
    expect: { anonymous: 401, member: 403, owner: 403, otherOwner: 403, reviewer: 409 },
  },
  {
    file: "api/requests/[id]/review/route.ts",
    method: "POST",
    url: "/api/requests/{req}/review",
    body: { action: "request_changes", comment: "" },
    expect: { anonymous: 401, member: 403, owner: 403, otherOwner: 403, reviewer: 422 },
  },
  // Revise, refresh and close while the request is open (before the withdrawal below).
  { file: "requests/[id]/revise/page.tsx", method: "GET", url: "/requests/{req}/revise", expect: { ...requestPage, reviewer: 404 } },
  {
    file: "api/requests/[id]/revise/route.ts",
    method: "POST",
    url: "/api/requests/{req}/revise",
    body: {},
    expect: { anonymous: 401, member: 404, owner: 422, otherOwner: 404, reviewer: 404 },
  },
  // This project's requests are local branches with no GitHub pull request, so those who may see it get 404 too
  // (lib/server/github-cost-services.test.ts refreshes a real one on the fake GitHub).
  {
    file: "api/requests/[id]/refresh/route.ts",
    method: "POST",
    url: "/api/requests/{req}/refresh",
    expect: { anonymous: 401, member: 404, owner: 404, otherOwner: 404, reviewer: 404 },
  },
  {
    file: "api/requests/[id]/close/route.ts",
    method: "POST",
    url: "/api/requests/{req}/close",
    body: {},
    expect: { anonymous: 401, member: 404, owner: 403, otherOwner: 404, reviewer: 422 },
  },
  // Edits of what exists: owners and reviewers (canRequestEdit).
  {
    file: "namespaces/[cluster]/[name]/edit/[operation]/page.tsx",
    method: "GET",
    url: "/namespaces/live/{ns}/edit/metadata",
    expect: { anonymous: 307, member: 403, owner: 200, otherOwner: 403, reviewer: 200 },
  },
  { file: "api/requests/edit/preview/route.ts", method: "POST", url: "/api/requests/edit/preview", body: {}, expect: signedIn(200) },
  { file: "api/requests/edit/route.ts", method: "POST", url: "/api/requests/edit", body: {}, expect: signedIn(422) },
  // After the review entries: the owner's withdrawal closes the request (its page stays visible below).
  {
    file: "api/requests/[id]/withdraw/route.ts",
    method: "POST",
    url: "/api/requests/{req}/withdraw",
    body: {},
    expect: { anonymous: 401, member: 404, owner: 200, otherOwner: 404, reviewer: 404 },
  },
  // Campaigns: everyone signed in reads them; platform reviewers preview, start and steer them (non-reviewers 403 before any lookup).
  { file: "api/campaigns/route.ts", method: "GET", url: "/api/campaigns", expect: signedIn(200) },
  { file: "api/campaigns/route.ts", method: "POST", url: "/api/campaigns", body: {}, expect: { ...reviewersOnly, reviewer: 422 } },
  { file: "api/campaigns/preview/route.ts", method: "POST", url: "/api/campaigns/preview", body: {}, expect: { ...reviewersOnly, reviewer: 422 } },
  { file: "api/campaigns/preview/diff/route.ts", method: "POST", url: "/api/campaigns/preview/diff", body: {}, expect: { ...reviewersOnly, reviewer: 422 } },
  { file: "api/campaigns/[id]/route.ts", method: "GET", url: "/api/campaigns/matrix-none", expect: signedIn(404) },
  { file: "api/campaigns/[id]/pause/route.ts", method: "POST", url: "/api/campaigns/matrix-none/pause", expect: { ...reviewersOnly, reviewer: 404 } },
  { file: "api/campaigns/[id]/resume/route.ts", method: "POST", url: "/api/campaigns/matrix-none/resume", expect: { ...reviewersOnly, reviewer: 404 } },
  { file: "api/campaigns/[id]/cancel/route.ts", method: "POST", url: "/api/campaigns/matrix-none/cancel", expect: { ...reviewersOnly, reviewer: 404 } },
  {
    file: "api/campaigns/[id]/retry/route.ts",
    method: "POST",
    url: "/api/campaigns/matrix-none/retry",
    body: { cluster: "live", namespace: "x" },
    expect: { ...reviewersOnly, reviewer: 404 },
  },
  // Probes and metrics are for Kubernetes and Prometheus: open (BERTH_METRICS_TOKEN, unset here, would close metrics).
  { file: "api/health/route.ts", method: "GET", url: "/api/health", expect: open },
  { file: "api/ready/route.ts", method: "GET", url: "/api/ready", expect: open },
  { file: "api/metrics/route.ts", method: "GET", url: "/api/metrics", expect: open },
  {
    file: "api/webhooks/github/route.ts",
    method: "POST",
    url: "/api/webhooks/github",
    body: {},
    expect: { anonymous: 404, member: 404, owner: 404, otherOwner: 404, reviewer: 404 },
  },
  { file: "requests/page.tsx", method: "GET", url: "/requests", expect: page },
  { file: "reviews/page.tsx", method: "GET", url: "/reviews", expect: { anonymous: 307, member: 403, owner: 403, otherOwner: 403, reviewer: 200 } },
  { file: "requests/new/page.tsx", method: "GET", url: "/requests/new", expect: page },
  // Campaigns: everyone who may browse the inventory reads them; platform reviewers start them.
  { file: "campaigns/page.tsx", method: "GET", url: "/campaigns", expect: page },
  {
    file: "campaigns/new/page.tsx",
    method: "GET",
    url: "/campaigns/new",
    expect: { anonymous: 307, member: 403, owner: 403, otherOwner: 403, reviewer: 200 },
  },
  {
    file: "campaigns/[id]/page.tsx",
    method: "GET",
    url: "/campaigns/no-such-campaign",
    expect: { anonymous: 307, member: 404, owner: 404, otherOwner: 404, reviewer: 404 },
  },
  { file: "requests/[id]/page.tsx", method: "GET", url: "/requests/{req}", expect: requestPage },
  {
    file: "api/namespaces/[cluster]/[name]/resources/route.ts",
    method: "POST",
    url: "/api/namespaces/live/{ns}/resources",
    body: {},
    expect: { anonymous: 401, member: 403, owner: 422, otherOwner: 403, reviewer: 403 },
  },
  {
    file: "api/namespaces/[cluster]/[name]/resources/preview/route.ts",
    method: "POST",
    url: "/api/namespaces/live/{ns}/resources/preview",
    body: {},
    expect: { anonymous: 401, member: 403, owner: 200, otherOwner: 403, reviewer: 403 },
  },
  {
    file: "namespaces/[cluster]/[name]/resources/new/page.tsx",
    method: "GET",
    url: "/namespaces/live/{ns}/resources/new",
    expect: { anonymous: 307, member: 403, owner: 200, otherOwner: 403, reviewer: 403 },
  },
  { file: "page.tsx", method: "GET", url: "/", expect: page },
  { file: "me/page.tsx", method: "GET", url: "/me", expect: page },
  { file: "namespaces/page.tsx", method: "GET", url: "/namespaces", expect: page },
  { file: "namespaces/[cluster]/[name]/page.tsx", method: "GET", url: "/namespaces/live/{ns}", expect: page },
  { file: "namespaces/[cluster]/[name]/files/[...file]/page.tsx", method: "GET", url: "/namespaces/live/{ns}/files/00-namespace.yaml", expect: page },
  // Owners and reviewers only, as secrets: a member is refused before any pod is looked up; this pod does not exist (secrets-wiring.spec.ts opens real ones).
  {
    file: "namespaces/[cluster]/[name]/pods/[pod]/page.tsx",
    method: "GET",
    url: "/namespaces/live/{ns}/pods/no-such-pod",
    expect: { anonymous: 307, member: 403, owner: 404, otherOwner: 403, reviewer: 404 },
  },
  { file: "signin/page.tsx", method: "GET", url: "/signin", expect: { ...open, member: 307, owner: 307, otherOwner: 307, reviewer: 307 } },
  { file: "signin/not-a-member/page.tsx", method: "GET", url: "/signin/not-a-member", expect: open },
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

test("every route, page and server action has an entry in the matrix", () => {
  const appFiles = walk("app").map((f) => path.relative("app", f));
  const routes = appFiles.filter((f) => /(^|\/)(route\.ts|page\.tsx)$/.test(f) && !f.startsWith("_"));
  expect(routes.sort()).toEqual([...new Set(MATRIX.map((e) => e.file))].sort());
  const actions = [...walk("app"), ...walk("lib")].filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/m.test(readFileSync(f, "utf8")));
  expect(actions, "server actions must be added to the matrix").toEqual([]);
});

test("each role gets exactly what the matrix says", async ({ browser, playwright, baseURL }) => {
  // Five sign-ins through GitHub, then every entry for every role.
  test.setTimeout(120_000);
  const ownerTeam = uniqueName("matrix-owners");
  const ns = uniqueName("matrix-ns");
  await commitNamespace({ name: ns, team: ownerTeam });

  async function contextFor(teams: string[] | null): Promise<APIRequestContext> {
    if (teams === null) return playwright.request.newContext({ baseURL, maxRedirects: 0 });
    const page = await (browser as Browser).newPage();
    await signInWithGitHub(page, await createGitHubUser(teams));
    const state = await page.context().storageState();
    await page.close();
    return playwright.request.newContext({ baseURL, storageState: state, maxRedirects: 0 });
  }
  const contexts: Record<Role, APIRequestContext> = {
    anonymous: await contextFor(null),
    member: await contextFor(["unrelated-team"]),
    owner: await contextFor([ownerTeam]),
    otherOwner: await contextFor(["laa-crime-apply"]),
    reviewer: await contextFor(["webops"]),
  };
  // The namespace must be indexed before the matrix runs.
  await expect.poll(async () => (await contexts.member.get(`/namespaces/live/${ns}`)).status(), { timeout: 20_000 }).toBe(200);
  const submitted = await contexts.owner.post("/api/requests", { headers: { origin: baseURL! }, data: requestAnswers(uniqueName("matrix-req"), ownerTeam) });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const req = ((await submitted.json()) as { id: string }).id;

  const results: string[] = [];
  for (const entry of MATRIX) {
    for (const [role, expected] of Object.entries(entry.expect) as [Role, number][]) {
      const url = entry.url.replace("{ns}", ns).replace("{req}", req);
      const response = await contexts[role].fetch(url, { method: entry.method, headers: { origin: baseURL! }, data: entry.body });
      if (response.status() !== expected) results.push(`${entry.method} ${url} as ${role}: ${response.status()}, expected ${expected}`);
    }
  }
  expect(results).toEqual([]);
});
