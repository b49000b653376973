import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { uniqueName } from "./fixtures/environments-repo";
import { signInLocally } from "./fixtures/local-sign-in";

async function fillRequest(page: Page, name: string): Promise<void> {
  await page.getByLabel("Namespace name").fill(name);
  await page.getByLabel("Environment").selectOption("development");
  await page.getByLabel("Application").fill("Visits booking (e2e)");
  await page.getByLabel("Source code URL").fill("https://github.com/ministryofjustice/visits");
  await page.getByLabel("Owning GitHub team").selectOption("digital-prison-services");
  await page.getByLabel("Business unit").selectOption("HMPPS");
  await page.getByLabel("Service area").fill("Prisons");
  await page.getByLabel("Slack channel").fill("#visits");
  await page.getByLabel("Team display name").fill("Digital Prison Services");
  await page.getByLabel("Team email").fill("dps@example.gov.uk");
}

test("a team member requests a namespace in the demo; a reviewer approves and merges it; it joins the inventory", async ({ page }) => {
  test.setTimeout(90_000);
  const name = uniqueName("visits");
  await signInLocally(page, "alice-adeyemi", ["digital-prison-services"], "/requests/new");

  await page.getByLabel("Namespace name").fill("Not A Valid Name");
  await expect(page.getByText(/lower-case letters, digits and hyphens/i).last()).toBeVisible();
  await expect(page.getByLabel("Namespace name")).toHaveAttribute("aria-invalid", "true");

  await fillRequest(page, name);
  const policy = page.getByRole("region", { name: "The repository's checks" });
  await expect(policy.getByText("Pass").first()).toBeVisible();
  await expect(policy.getByText("Fail")).toHaveCount(0);
  const files = page.getByRole("region", { name: "Files the pull request adds" });
  await expect(files.getByRole("listitem")).toHaveCount(8);
  await files.getByText(`namespaces/live.cloud-platform.service.justice.gov.uk/${name}/00-namespace.yaml`).click();
  await expect(page.getByLabel(`New file namespaces/live.cloud-platform.service.justice.gov.uk/${name}/00-namespace.yaml`)).toContainText(`+   name: ${name}`);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  await page.getByRole("button", { name: "Submit the request" }).click();
  // Submitting writes a branch and a commit and runs the policy: seconds on a busy machine.
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/, { timeout: 30_000 });
  const requestUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: `Namespace ${name}` })).toBeVisible();
  await expect(page.getByText("Pull request open").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await signInLocally(page, "dana-kowalski", ["webops"], new URL(requestUrl).pathname);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("button", { name: "Merge" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByText("Merged").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Approved");
  // The demo's sample cluster plays the apply pipeline: a few seconds after the merge the namespace is
  // live, and the request page turns to Applied by itself (no reload).
  await page.evaluate(() => Object.assign(window, { berthNoReload: true }));
  const applied = page.getByRole("status").filter({ hasText: /Merged|Applied/ });
  await expect(page.getByText(`Merged: waiting for the apply pipeline to create namespace ${name} in cluster live.`)).toBeVisible();
  await expect(applied).toHaveText("Applied", { timeout: 30_000 });
  await expect(page.getByText(/waiting for the apply pipeline/)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { berthNoReload?: boolean }).berthNoReload)).toBe(true);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText(`namespace ${name} is live in live`);

  await expect(async () => {
    await page.goto(`/namespaces/live/${name}`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("region", { name: "Metadata" })).toContainText("Visits booking (e2e)");
});

test("a name already in the inventory is refused before anything is written", async ({ page }) => {
  await signInLocally(page, "alice-adeyemi", ["digital-prison-services"], "/namespaces?pageSize=1");
  const taken = await page.locator("tbody th a").first().innerText();
  await page.goto("/requests/new");
  await fillRequest(page, taken);
  await expect(page.getByText(/already exists/).first()).toBeVisible();
  await page.getByRole("button", { name: "Submit the request" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Correct the fields" })).toBeVisible();
  await expect(page).toHaveURL(/\/requests\/new$/);
});
