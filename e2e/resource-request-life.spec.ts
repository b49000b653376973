import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { E2E_REPO } from "./fixtures/paths";
import { createGitHubUser, signInWithGitHub } from "./fixtures/sign-in";

const repo = (...args: string[]) => execFileSync("git", ["-C", E2E_REPO, ...args], { encoding: "utf8" }).trim();

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
}

test("a namespace's page lists its open requests; a resource request is revised with its form pre-filled, and a file it drops goes", async ({ page }) => {
  test.setTimeout(300_000);
  const team = uniqueName("life-team");
  const ns = uniqueName("life");
  await commitNamespace({ name: ns, team });
  await signInWithGitHub(page, await createGitHubUser([team]));
  await expect(async () => {
    expect((await page.goto(`/namespaces/live/${ns}`))?.status()).toBe(200);
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("region", { name: "Open requests" })).toHaveCount(0);
  await page.getByRole("link", { name: "Request AWS resources" }).click();
  await page.getByLabel("Resource to add").selectOption("sqs");
  await page.getByRole("button", { name: "Add to the request" }).click();
  await page.getByLabel("Name").first().fill("orders_queue");
  await page.getByRole("button", { name: "Submit the request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/, { timeout: 90_000 });
  const requestPath = new URL(page.url()).pathname;
  await expect(page.getByText("Pull request open").first()).toBeVisible();

  await page.goto(`/namespaces/live/${ns}`);
  const open = page.getByRole("region", { name: "Open requests" });
  await expect(open.getByRole("link", { name: `AWS resources, request ${requestPath.split("/").pop()}` })).toHaveAttribute("href", requestPath);
  await expect(open).toContainText("Pull request open");
  await expectNoAxeViolations(page);

  await page.goto(requestPath);
  await page.getByRole("link", { name: "Revise the request" }).click();
  await expect(page.getByRole("textbox", { name: "Name", exact: true }).first()).toHaveValue("orders_queue");
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Name", exact: true }).first().fill("orders_events");
  await page.getByRole("button", { name: "Submit the revision" }).click();
  await expect(page).toHaveURL(new RegExp(`${requestPath}$`), { timeout: 90_000 });
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText(/Revision 1: \d file\(s\) changed, 1 dropped/);

  // One more commit on the same branch: the new file in, the dropped one gone.
  const folder = `namespaces/live.cloud-platform.service.justice.gov.uk/${ns}/resources`;
  const branch = repo("for-each-ref", "--format=%(refname:short)", `refs/heads/berth/resources-${ns}-*`);
  expect(repo("rev-list", "--count", `main..${branch}`)).toBe("2");
  const files = repo("diff", "--name-only", `main...${branch}`).split("\n");
  expect(files).toContain(`${folder}/orders_events.tf`);
  expect(files).not.toContain(`${folder}/orders_queue.tf`);
});
