import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { uniqueName } from "./fixtures/environments-repo";
import { signInLocally } from "./fixtures/local-sign-in";

const TEAM = "digital-prison-services";

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
}

async function requestNamespace(page: Page, name: string): Promise<string> {
  await page.goto("/requests/new");
  await page.getByLabel("Namespace name").fill(name);
  await page.getByLabel("Application").fill("Visits booking (e2e)");
  await page.getByLabel("Source code URL").fill("https://github.com/ministryofjustice/visits");
  await page.getByLabel("Owning GitHub team").selectOption(TEAM);
  await page.getByLabel("Business unit").selectOption("HMPPS");
  await page.getByLabel("Service area").fill("Prisons");
  await page.getByLabel("Slack channel").fill("#visits");
  await page.getByLabel("Team display name").fill("Digital Prison Services");
  await page.getByLabel("Team email").fill("dps@example.gov.uk");
  await expect(page.getByRole("region", { name: "Files the pull request adds" }).getByRole("listitem")).toHaveCount(8);
  await page.getByRole("button", { name: "Submit the request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/, { timeout: 90_000 });
  await expect(page.getByText("Pull request open").first()).toBeVisible();
  return new URL(page.url()).pathname;
}

const api = (page: Page, path: string, action: string, data: unknown) =>
  page.request.post(`${path.replace("/requests/", "/api/requests/")}/${action}`, { headers: { origin: new URL(page.url()).origin }, data });

test("changes requested: the requester revises the request with its own form, reviewers see the revision's diff, and the merged request links to its namespace", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const name = uniqueName("revised");
  await signInLocally(page, "alice-adeyemi", [TEAM], "/requests/new");
  const path = await requestNamespace(page, name);

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInLocally(reviewer, "dana-kowalski", ["webops"], path);
  await reviewer.getByLabel("Review comment").fill("Name the application after the service");
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer.getByText("Changes requested").first()).toBeVisible();

  await page.reload();
  await page.getByRole("link", { name: "Revise the request" }).click();
  await expect(page).toHaveURL(`${path}/revise`);
  await expect(page.getByLabel("Namespace name")).toHaveValue(name);
  await expect(page.getByLabel("Application")).toHaveValue("Visits booking (e2e)");
  await expect(page.getByRole("region", { name: "Files the pull request adds" }).getByRole("listitem")).toHaveCount(8);
  await expectNoAxeViolations(page);
  // A revision keeps the name: another one is refused with the field named, nothing written.
  const renamed = await api(page, path, "revise", { ...(await answersOf(page)), name: `${name}-x` });
  expect(renamed.status()).toBe(422);
  expect(((await renamed.json()) as { error: { fields: Record<string, string> } }).error.fields.name).toContain("keeps the name");

  await page.getByLabel("Application").fill("Prison visits booking (e2e)");
  await page.getByRole("button", { name: "Submit the revision" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`), { timeout: 90_000 });
  await expect(page.getByText("Pull request open").first()).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText(/Revision 1: \d file\(s\) changed/);
  await timeline.getByText(/What changed in commit/).click();
  const diff = timeline.getByLabel(/Revision 1: \d file\(s\) changed: changes to .*00-namespace\.yaml/);
  await expect(diff).toContainText("- ");
  await expect(diff).toContainText("Prison visits booking (e2e)");
  await expectNoAxeViolations(page);

  await reviewer.reload();
  await expect(reviewer.getByRole("region", { name: "Timeline" })).toContainText("Revised");
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await reviewer.getByRole("button", { name: "Merge" }).click();
  await expect(reviewer.getByText("Merged").first()).toBeVisible({ timeout: 90_000 });
  await expect(reviewer.getByRole("link", { name: `Go to namespace ${name}` })).toHaveAttribute("href", `/namespaces/live/${name}`);
  await reviewerContext.close();
});

async function answersOf(page: Page): Promise<Record<string, unknown>> {
  const value = (label: string) => page.getByLabel(label, { exact: true }).inputValue();
  return {
    name: await value("Namespace name"),
    cluster: await value("Cluster"),
    environment: await value("Environment"),
    isProduction: false,
    application: await value("Application"),
    team: await value("Owning GitHub team"),
    businessUnit: await value("Business unit"),
    slackChannel: await value("Slack channel"),
    serviceArea: await value("Service area"),
    ownerName: await value("Team display name"),
    ownerEmail: await value("Team email"),
    sourceCode: await value("Source code URL"),
    reviewAfter: await value("Review after"),
  };
}

test("the requester withdraws a request: it is closed, its name is free again, and the requests list says what each request is", async ({ page }) => {
  test.setTimeout(300_000);
  const name = uniqueName("withdrawn");
  await signInLocally(page, "alice-adeyemi", [TEAM], "/requests/new");
  const first = await requestNamespace(page, name);
  await page.getByRole("button", { name: "Withdraw the request" }).click();
  await expect(page.getByText("Closed").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Withdrawn");
  await expect(page.getByRole("link", { name: "Revise the request" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // Withdrawing again, or revising a closed request, is a 409.
  expect((await api(page, first, "withdraw", {})).status()).toBe(409);
  expect((await api(page, first, "revise", {})).status()).toBe(409);

  const second = await requestNamespace(page, name);
  expect(second).not.toBe(first);

  await page.goto("/requests");
  const row = (path: string) => page.getByRole("row").filter({ has: page.locator(`a[href="${path}"]`) });
  await expect(row(second)).toContainText("New namespace");
  await expect(row(first)).toContainText("Closed");
  await expect(page.getByRole("table")).toContainText("most recently updated first");
  await expectNoAxeViolations(page);
});

test("a reviewer closes a request with a reason; without one the close is refused with the field named", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const name = uniqueName("closed");
  await signInLocally(page, "alice-adeyemi", [TEAM], "/requests/new");
  const path = await requestNamespace(page, name);
  await expect(page.getByRole("button", { name: "Close the request" })).toHaveCount(0);
  expect((await api(page, path, "close", { reason: "mine" })).status()).toBe(403);

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInLocally(reviewer, "dana-kowalski", ["webops"], path);
  const empty = await api(reviewer, path, "close", { reason: "  " });
  expect(empty.status()).toBe(422);
  expect(((await empty.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("reason");
  await expect(reviewer.getByText("Pull request open").first()).toBeVisible();

  await reviewer.getByLabel("Review comment").fill("Use the shared prisons namespace instead");
  await reviewer.getByRole("button", { name: "Close the request" }).click();
  await expect(reviewer.getByText("Closed").first()).toBeVisible();
  await expect(reviewer.getByRole("region", { name: "Timeline" })).toContainText("Closed: Use the shared prisons namespace instead");
  await expectNoAxeViolations(reviewer);
  expect((await api(reviewer, path, "close", { reason: "again" })).status()).toBe(409);
  await reviewerContext.close();
});
