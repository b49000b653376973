import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { Octokit } from "@octokit/rest";
import { expect, test, type Page } from "@playwright/test";
import { uniqueName } from "./fixtures/environments-repo";
import { ENVIRONMENTS_REPO, FAKE_GITHUB_URL, ORG, UPSTREAM_REPO } from "./fixtures/servers";
import { createGitHubUser, github, signInWithGitHub } from "./fixtures/sign-in";

const upstream = (...args: string[]) => execFileSync("git", ["-C", UPSTREAM_REPO, ...args], { encoding: "utf8" }).trim();
const repo = { owner: ORG, repo: ENVIRONMENTS_REPO };

async function octokitAs(login: string, teams: string[] = []): Promise<Octokit> {
  await github.putUser({ login, teams, orgMember: true });
  return new Octokit({ auth: await github.token(login, ["repo", "read:org"]), baseUrl: `${FAKE_GITHUB_URL}/api/v3` });
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
}

async function requestNamespace(page: Page, name: string, team: string): Promise<{ path: string; number: number }> {
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
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/, { timeout: 90_000 });
  const link = page.getByRole("link", { name: /^Pull request #\d+$/ });
  await expect(link).toBeVisible();
  return { path: new URL(page.url()).pathname, number: Number((await link.innerText()).replace(/\D/g, "")) };
}

test("changes requested on GitHub: the revision is a second commit on the same pull request, and the request is reviewed again", async ({ page }) => {
  test.setTimeout(300_000);
  const team = uniqueName("revise-team");
  const name = uniqueName("revise-gh");
  await signInWithGitHub(page, await createGitHubUser([team]), "/requests/new");
  const { path, number } = await requestNamespace(page, name, team);
  const reader = await octokitAs(uniqueName("reader"));
  const before = (await reader.rest.pulls.get({ ...repo, pull_number: number })).data;

  const asReviewer = await octokitAs(uniqueName("reviewer"), ["webops"]);
  await asReviewer.rest.pulls.createReview({ ...repo, pull_number: number, event: "REQUEST_CHANGES", body: "Say which court" });
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Changes requested").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 90_000 });

  await page.getByRole("link", { name: "Revise the request" }).click();
  await expect(page.getByLabel("Application")).toHaveValue("Court bookings (e2e)");
  await expectNoAxeViolations(page);
  await page.getByLabel("Application").fill("Crown court bookings (e2e)");
  await page.getByRole("button", { name: "Submit the revision" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`), { timeout: 90_000 });
  await expect(page.getByText("Pull request open").first()).toBeVisible();
  await expect(page.getByText("The branch was changed outside Berth")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText(/Revision 1: \d file\(s\) changed/);
  await expectNoAxeViolations(page);

  // The same pull request and branch, now two commits, its head the revision; the file holds the new answer.
  const after = (await reader.rest.pulls.get({ ...repo, pull_number: number })).data;
  expect(after.head.ref).toBe(before.head.ref);
  expect(after.head.sha).not.toBe(before.head.sha);
  expect(upstream("rev-list", "--count", `main..${after.head.ref}`)).toBe("2");
  expect(upstream("rev-parse", `${after.head.sha}^`)).toBe(before.head.sha);
  const namespaceFile = `namespaces/live.cloud-platform.service.justice.gov.uk/${name}/00-namespace.yaml`;
  expect(upstream("show", `${after.head.ref}:${namespaceFile}`)).toContain("Crown court bookings (e2e)");
  // The poller's next rounds keep it open for review: the changes requested were about the older revision.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Pull request open").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  await asReviewer.rest.pulls.createReview({ ...repo, pull_number: number, event: "APPROVE" });
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Approved").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 90_000 });
});

test("the request page shows the pull request's snapshot with its age, a comment on GitHub arrives by webhook, and Refresh from GitHub reads it again", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const team = uniqueName("refresh-team");
  await signInWithGitHub(page, await createGitHubUser([team]), "/requests/new");
  const { number } = await requestNamespace(page, uniqueName("refresh-gh"), team);
  const age = page.getByTestId("snapshot-age");
  // The poller (every 5 s in e2e) or a webhook stores the first snapshot; the page shows its age, never asking GitHub itself.
  await expect(async () => {
    await page.reload();
    await expect(age).toContainText("As Berth last heard from GitHub,", { timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  await expect(age.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  const commenterLogin = uniqueName("commenter");
  const commenter = await octokitAs(commenterLogin);
  const comment = "Which cluster is this for?";
  const conversation = page.getByRole("region", { name: "Reviews and checks" });
  await expect(conversation).toContainText("No comments yet.");
  await commenter.rest.issues.createComment({ ...repo, issue_number: number, body: comment });

  // GitHub's issue_comment delivery makes Berth read the pull request again; the page, polling its own API, shows the
  // comment with no reload and no Refresh (the poller reads every 10 minutes while webhooks arrive).
  await expect(conversation).toContainText(`${commenterLogin}: ${comment}`, { timeout: 20_000 });
  const deliveries = await github.deliveries();
  expect(deliveries.find((d) => d.event === "issue_comment" && JSON.parse(d.body).issue?.number === number)).toMatchObject({ action: "created", status: 200 });

  // A refresh within 30 s of the last read keeps the snapshot; wait (on the page) until it is older than that.
  // Note: if another test's missed change put the poller back to every 5 s, it reads the pull request again meanwhile and
  // the refresh below keeps that fresh snapshot.
  const fetchedAt = async () => Date.parse((await age.locator("time").getAttribute("datetime")) ?? "");
  const heard = await fetchedAt();
  await expect
    .poll(
      async () => {
        await page.reload();
        const at = await fetchedAt();
        return Date.now() - at > 31_000 || at > heard;
      },
      { timeout: 120_000, intervals: [5_000] },
    )
    .toBe(true);

  // The refresh reads the pull request from GitHub now, and the page shows it without a reload.
  const refresh = page.getByRole("button", { name: "Refresh from GitHub" });
  const clicked = Date.now();
  await refresh.click();
  await expect(refresh).toBeEnabled();
  await expect(age.getByRole("status")).toHaveText("");
  await expect(age.locator("time")).toHaveText("just now");
  expect(await fetchedAt()).toBeGreaterThan(clicked - 31_000);
  await expect(conversation).toContainText(comment);
  await expectNoAxeViolations(page);
});

test("withdrawing closes the pull request with a comment; a reviewer's close posts the reason; the name is free again", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const team = uniqueName("withdraw-team");
  const name = uniqueName("withdraw-gh");
  await signInWithGitHub(page, await createGitHubUser([team]), "/requests/new");
  const first = await requestNamespace(page, name, team);
  await page.getByRole("button", { name: "Withdraw the request" }).click();
  await expect(page.getByText("Closed").first()).toBeVisible();
  await expectNoAxeViolations(page);
  const reader = await octokitAs(uniqueName("reader"));
  expect((await reader.rest.pulls.get({ ...repo, pull_number: first.number })).data.state).toBe("closed");
  const comments = (await reader.rest.issues.listComments({ ...repo, issue_number: first.number })).data.map((c) => c.body);
  expect(comments.some((c) => c?.startsWith("Withdrawn in Berth by"))).toBe(true);

  // The same name again: a new request and pull request.
  const second = await requestNamespace(page, name, team);
  expect(second.number).not.toBe(first.number);

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await signInWithGitHub(reviewer, await createGitHubUser(["webops"], { prefix: "reviewer" }), second.path);
  await reviewer.getByLabel("Review comment").fill("Duplicate of the <b>courts</b> namespace");
  await reviewer.getByRole("button", { name: "Close the request" }).click();
  await expect(reviewer.getByText("Closed").first()).toBeVisible();
  await expect(reviewer.getByRole("region", { name: "Timeline" })).toContainText("Closed: Duplicate of the <b>courts</b> namespace");
  await expectNoAxeViolations(reviewer);
  expect((await reader.rest.pulls.get({ ...repo, pull_number: second.number })).data.state).toBe("closed");
  const reasons = (await reader.rest.issues.listComments({ ...repo, issue_number: second.number })).data.map((c) => c.body);
  expect(reasons.some((c) => c?.includes("Duplicate of the <b>courts</b> namespace"))).toBe(true);
  await context.close();
});
