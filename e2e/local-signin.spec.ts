import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("the embedded demo signs in as a sample user with chosen teams", async ({ page }) => {
  await page.goto("/me");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  await page.getByLabel("Sample user", { exact: true }).selectOption("dana-kowalski");
  await expect(page.getByLabel("GitHub teams")).toHaveValue("webops");
  await page.getByLabel("GitHub teams").fill("webops, hmpps-sre");
  await page.getByRole("button", { name: "Sign in as this user" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { name: /Dana Kowalski/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your GitHub teams" })).toContainText("hmpps-sre");
  await expect(page.getByText("You are a platform reviewer")).toBeVisible();
  await expect(page.getByRole("button", { name: /Refresh my teams/ })).toHaveCount(0);
});

test("a team slug that is not one is refused", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("GitHub teams").fill("webops, <script>");
  await page.getByRole("button", { name: "Sign in as this user" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That sample user or team list was not accepted" })).toBeVisible();
});
