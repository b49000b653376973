import { execFileSync } from "node:child_process";
import { Octokit } from "@octokit/rest";
import { expect, test, type Page } from "@playwright/test";
import { uniqueName } from "./fixtures/environments-repo";
import { ENVIRONMENTS_REPO, FAKE_GITHUB_URL, ORG, UPSTREAM_REPO } from "./fixtures/servers";
import { createGitHubUser, github, signInWithGitHub } from "./fixtures/sign-in";

// Serial: the injected GitHub failure (fail-next) is shared by the whole fake, so no other pull request may be opened meanwhile.
test.describe.configure({ mode: "serial" });

const upstream = (...args: string[]) => execFileSync("git", ["-C", UPSTREAM_REPO, ...args], { encoding: "utf8" }).trim();
const repo = { owner: ORG, repo: ENVIRONMENTS_REPO };

/** Octokit as a GitHub user of the test's own (created here when missing). */
async function octokitAs(login: string, teams: string[] = []): Promise<Octokit> {
  await github.putUser({ login, teams, orgMember: true });
  return new Octokit({ auth: await github.token(login, ["repo", "read:org"]), baseUrl: `${FAKE_GITHUB_URL}/api/v3` });
}

async function requestNamespace(page: Page, name: string, team: string): Promise<void> {
  await page.goto("/requests/new");
  await page.getByLabel("Namespace name").fill(name);
  await page.getByLabel("Application").fill("Court bookings (e2e)");
  await page.getByLabel("Source code URL").fill("https://github.com/ministryofjustice/court-bookings");
  await page.getByLabel("Owning GitHub team").selectOption(team);
  await page.getByLabel("Business unit").selectOption("HMCTS");
  await page.getByLabel("Service area").fill("Courts");
  await page.getByLabel("Slack channel").fill("#court-bookings");
  await page.getByLabel("Team display name").fill("Court Bookings");
  await page.getByLabel("Team email").fill("court-bookings@example.gov.uk");
  await expect(page.getByRole("region", { name: "Files the pull request adds" }).getByRole("listitem")).toHaveCount(8);
  await page.getByRole("button", { name: "Submit the request" }).click();
  // Submitting commits through the local GitHub and opens the pull request: seconds on a busy machine.
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/, { timeout: 30_000 });
}

test("a request becomes one pull request with exactly the files in one commit; webhooks move it to approved and merged", async ({ page }) => {
  test.setTimeout(120_000);
  const team = uniqueName("courts");
  const name = uniqueName("court-bookings");
  await signInWithGitHub(page, await createGitHubUser([team]), "/requests/new");
  await requestNamespace(page, name, team);

  const link = page.getByRole("link", { name: /^Pull request #\d+$/ });
  await expect(link).toBeVisible();
  const number = Number((await link.innerText()).replace(/\D/g, ""));
  const files = (await page.getByRole("region", { name: "Files in the pull request" }).locator("summary").allInnerTexts()).map((t) =>
    t.replace(/ \((new|changed)\)$/, ""),
  );
  expect(files).toHaveLength(8);

  // The fake GitHub's real git repository holds exactly those files, in one commit on the PR's branch.
  const pull = (await (await octokitAs(uniqueName("reader"))).rest.pulls.get({ ...repo, pull_number: number })).data;
  const branch = pull.head.ref;
  expect(upstream("rev-list", "--count", `main..${branch}`)).toBe("1");
  expect(upstream("diff", "--name-only", `main...${branch}`).split("\n").sort()).toEqual([...files].sort());
  for (const file of files) expect(upstream("show", `${branch}:${file}`).length).toBeGreaterThan(0);
  expect(pull.labels.map((l) => l.name)).toContain("berth");

  const reviewer = uniqueName("reviewer");
  const asReviewer = await octokitAs(reviewer, ["webops"]);
  await asReviewer.rest.pulls.createReview({ ...repo, pull_number: number, event: "APPROVE" });
  await expect(page.getByText("Approved").first()).toBeVisible({ timeout: 15_000 });
  await asReviewer.rest.pulls.merge({ ...repo, pull_number: number });
  await expect(page.getByText("Merged").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText(`by ${reviewer}`);

  // The push to main reaches Berth's own clone, and the inventory has the namespace within seconds.
  await expect(async () => {
    await page.goto(`/namespaces/live/${name}`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
});

test("a pull request that fails half-way is retried without a second branch or pull request", async ({ page }) => {
  test.setTimeout(90_000);
  const team = uniqueName("retry-team");
  const name = uniqueName("retry-ns");
  await signInWithGitHub(page, await createGitHubUser([team]), "/requests/new");
  // GitHub answers 502 to every attempt at opening the pull request (after the branch exists).
  await fetch(`${FAKE_GITHUB_URL}/_fake/fail-next`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ method: "POST", pathPattern: `^/repos/${ORG}/${ENVIRONMENTS_REPO}/pulls$`, status: 502, times: 4 }),
  });
  await requestNamespace(page, name, team);
  await expect(page.getByRole("alert").filter({ hasText: "could not be opened" })).toContainText("502");
  await page.getByRole("button", { name: "Retry opening the pull request" }).click();
  // Note: the retry meets GitHub's last 502, waits and tries again; on the 2026-12-05 machine it took more than 10 s.
  await expect(page.getByRole("link", { name: /^Pull request #\d+$/ })).toBeVisible({ timeout: 60_000 });
  const branches = upstream("for-each-ref", "--format=%(refname:short)", `refs/heads/berth/namespace-${name}-*`).split("\n").filter(Boolean);
  expect(branches).toHaveLength(1);
  const pulls = await (await octokitAs(uniqueName("reader"))).rest.pulls.list({ ...repo, head: `${ORG}:${branches[0]}`, state: "all" });
  expect(pulls.data).toHaveLength(1);
});

test("a reviewer approves in Berth: GitHub records the review as theirs; nobody approves their own request", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const team = uniqueName("self-team");
  const name = uniqueName("self-review");
  // The requester is a platform reviewer too, so only Berth's own rule stops them approving it.
  await signInWithGitHub(page, await createGitHubUser([team, "webops"]), "/requests/new");
  await requestNamespace(page, name, team);
  await expect(page.getByRole("link", { name: /^Pull request #\d+$/ })).toBeVisible();
  const number = Number((await page.getByRole("link", { name: /^Pull request #\d+$/ }).innerText()).replace(/\D/g, ""));
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const own = await page.request.post(`${new URL(page.url()).pathname.replace("/requests/", "/api/requests/")}/review`, {
    headers: { origin: new URL(page.url()).origin },
    data: { action: "approve" },
  });
  expect(own.status()).toBe(403);
  expect(((await own.json()) as { error: { message: string } }).error.message).toContain("You cannot review your own request");

  const context = await browser.newContext();
  const reviewerPage = await context.newPage();
  const reviewer = await createGitHubUser(["webops"], { prefix: "reviewer" });
  await signInWithGitHub(reviewerPage, reviewer, new URL(page.url()).pathname);
  await reviewerPage.getByLabel("Review comment").fill("Ship it");
  await reviewerPage.getByRole("button", { name: "Approve" }).click();
  await expect(reviewerPage.getByText("Approved").first()).toBeVisible();
  await expect(reviewerPage.getByRole("region", { name: "Reviews and checks" })).toContainText(`${reviewer.login}: Ship it`);
  const reviews = await (await octokitAs(uniqueName("reader"))).rest.pulls.listReviews({ ...repo, pull_number: number });
  expect(reviews.data.map((r) => [r.user?.login, r.state])).toEqual([[reviewer.login, "APPROVED"]]);
  await context.close();
});

test("a push to the branch outside Berth is shown, and an approval of the head the reviewer was not shown is refused", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const team = uniqueName("pushed-team");
  const name = uniqueName("pushed-ns");
  await signInWithGitHub(page, await createGitHubUser([team]), "/requests/new");
  await requestNamespace(page, name, team);
  const path = new URL(page.url()).pathname;
  const number = Number((await page.getByRole("link", { name: /^Pull request #\d+$/ }).innerText()).replace(/\D/g, ""));

  const context = await browser.newContext();
  const reviewerPage = await context.newPage();
  await signInWithGitHub(reviewerPage, await createGitHubUser(["webops"], { prefix: "reviewer" }), path);
  const shown = await reviewerPage.locator("[data-head-sha]").getAttribute("data-head-sha");
  await expect(reviewerPage.getByText("The branch was changed outside Berth")).toHaveCount(0);

  // Someone else pushes a commit to the pull request's branch, through GitHub's git data API.
  const pusher = await octokitAs(uniqueName("pusher"));
  const pull = (await pusher.rest.pulls.get({ ...repo, pull_number: number })).data;
  const { data: head } = await pusher.rest.git.getCommit({ ...repo, commit_sha: pull.head.sha });
  const { data: tree } = await pusher.rest.git.createTree({
    ...repo,
    base_tree: head.tree.sha,
    tree: [{ path: `namespaces/live.cloud-platform.service.justice.gov.uk/${name}/resources/extra.tf`, mode: "100644", type: "blob", content: "# added\n" }],
  });
  const { data: commit } = await pusher.rest.git.createCommit({ ...repo, message: "sneaky", tree: tree.sha, parents: [pull.head.sha] });
  await pusher.rest.git.updateRef({ ...repo, ref: `heads/${pull.head.ref}`, sha: commit.sha });

  // Approving the head the reviewer was shown before the push is refused, and nothing reaches GitHub.
  const stale = await reviewerPage.request.post(`${path.replace("/requests/", "/api/requests/")}/review`, {
    headers: { origin: new URL(reviewerPage.url()).origin },
    data: { action: "approve", headSha: shown },
  });
  expect(stale.status()).toBe(409);
  expect(((await stale.json()) as { error: { message: string } }).error.message).toContain("The branch changed since you loaded this page");
  const reader = await octokitAs(uniqueName("reader"));
  expect((await reader.rest.pulls.listReviews({ ...repo, pull_number: number })).data).toEqual([]);

  // The page says so prominently; approving from it now covers the new head, and GitHub records that commit.
  await reviewerPage.reload();
  await expect(reviewerPage.getByRole("alert").filter({ hasText: "The branch was changed outside Berth" })).toBeVisible();
  await expect(reviewerPage.locator("[data-head-sha]")).toHaveAttribute("data-head-sha", commit.sha);
  await reviewerPage.getByRole("button", { name: "Approve" }).click();
  await expect(reviewerPage.getByText("Approved").first()).toBeVisible();
  const reviews = (await reader.rest.pulls.listReviews({ ...repo, pull_number: number })).data;
  expect(reviews.map((r) => [r.state, r.commit_id])).toEqual([["APPROVED", commit.sha]]);
  await context.close();
});
