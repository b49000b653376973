import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { signInAsNewUser } from "./fixtures/sign-in";

test.beforeEach(async ({ page }) => {
  await signInAsNewUser(page);
});

/** The index refreshes every second in e2e; reload until the namespace shows up. */
async function openWhenIndexed(page: Page, url: string, visible: string): Promise<void> {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByText(visible).first()).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
}

test("the overview charts link to the filtered table", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Inventory overview" })).toBeVisible();
  const chart = page.getByRole("figure", { name: "Namespaces by business unit" });
  const figures = page.getByRole("list", { name: "Key figures" });
  const total = Number((await figures.getByRole("link", { name: /^Namespaces/ }).innerText()).replace(/\D/g, ""));
  expect(total).toBeGreaterThanOrEqual(300);

  // LAA: specs running meanwhile on this shared server commit HMPPS (the fixtures' default) and OPG namespaces, never LAA ones.
  const laa = chart.getByRole("listitem").filter({ hasText: "LAA" });
  const count = Number((await laa.innerText()).replace(/\D/g, ""));
  expect(count).toBeGreaterThan(0);
  await laa.getByRole("link", { name: "LAA" }).click();
  await expect(page).toHaveURL(/\/namespaces\?businessUnit=LAA$/);
  await expect(page.getByLabel("Business unit", { exact: true })).toHaveValue("LAA");
  await expect(page.getByRole("status")).toContainText(`of ${count.toLocaleString("en-GB")} namespaces`);
});

test("the modules chart links to namespaces whose pins lag the catalogue", async ({ page }) => {
  await page.goto("/");
  const row = page
    .getByRole("figure", { name: /Modules in use/ })
    .getByRole("listitem")
    .filter({ hasText: "rds-instance" });
  await row.getByRole("link", { name: /behind$/ }).click();
  await expect(page).toHaveURL(/module=rds-instance&flag=lagging/);
  await expect(page.getByLabel("Flag")).toHaveValue("lagging");
  await page.locator("tbody th a").first().click();
  await expect(
    page
      .getByRole("region", { name: "AWS resources" })
      .getByRole("row", { name: /rds-instance/ })
      .first(),
  ).toContainText(/Behind|Current/);
  await expect(page.getByRole("region", { name: "AWS resources" }).getByText("Behind").first()).toBeVisible();
});

test("browse, search, filter, sort and page the namespaces", async ({ page }) => {
  const name = uniqueName("browse");
  await commitNamespace({ name, businessUnit: "OPG", application: "Lasting power of attorney", isProduction: true });
  await openWhenIndexed(page, `/namespaces?q=${name}`, name);
  await expect(page.getByRole("status")).toHaveText("Showing 1–1 of 1 namespaces");

  await page.goto("/namespaces");
  await page.getByLabel("Search").fill("lasting power");
  await page.getByLabel("Business unit", { exact: true }).selectOption("OPG");
  await page.getByLabel("Production", { exact: true }).selectOption("true");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=lasting\+power/);
  await expect(page).toHaveURL(/businessUnit=OPG/);
  await expect(page.getByRole("rowheader", { name })).toBeVisible();
  for (const cell of await page.locator("tbody tr td:nth-child(5)").allInnerTexts()) expect(cell).toBe("OPG");

  await page.goto("/namespaces");
  await expect(page.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "ascending");
  const nameHeader = page.getByRole("columnheader", { name: /^Name/ }).getByRole("link");
  await expect(nameHeader).toHaveAccessibleDescription("Sort descending by name");
  await nameHeader.click();
  await expect(page.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "descending");
  const names = await page.locator("tbody th").allInnerTexts();
  expect(names).toEqual([...names].sort().reverse());

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
  const second = await page.locator("tbody th").allInnerTexts();
  expect(second[0]! < names.at(-1)!).toBe(true);
});

test("export the current view as CSV", async ({ page }) => {
  await page.goto("/namespaces?businessUnit=LAA&production=false");
  const shown = Number((await page.getByRole("status").innerText()).match(/of ([\d,]+)/)![1]!.replace(/,/g, ""));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export this view as CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("namespaces.csv");
  const lines = readFileSync((await download.path())!, "utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toMatch(/^cluster,name,business_unit,environment,is_production,/);
  expect(lines).toHaveLength(shown + 1);
  for (const line of lines.slice(1)) expect(line).toMatch(/^[^,]+,[^,]+,LAA,[^,]*,false,/);
});

test("open a namespace: metadata, teams, modules behind the catalogue, files", async ({ page }) => {
  const name = uniqueName("detail");
  await commitNamespace({ name, team: "detail-team", application: "Detail app" });
  await openWhenIndexed(page, `/namespaces/live/${name}`, "Detail app");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Non-production", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Owning teams" }).getByRole("link", { name: "detail-team" })).toBeVisible();
  const row = page.getByRole("region", { name: "AWS resources" }).getByRole("row", { name: /rds-instance/ });
  await expect(row).toContainText("8.0.0");
  await expect(row).toContainText("9.2.0");
  await expect(row).toContainText("Behind");

  await page.getByRole("region", { name: "Files" }).getByRole("link", { name: "00-namespace.yaml" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "00-namespace.yaml" })).toBeVisible();
  await expect(page.getByLabel("Contents of 00-namespace.yaml")).toContainText(`name: ${name}`);
});

test("a namespace as the platform means it: admin owners, other access, alert channel, disabled blocks, warnings", async ({ page }) => {
  const name = uniqueName("shapes");
  await commitNamespace({
    name,
    team: "shapes-owners",
    files: {
      "07-rbac-readers.yml": `kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: readers
  namespace: ${name}
subjects:
  - kind: Group
    name: "github:shapes-readers"
    apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: Role
  name: read-only
  apiGroup: rbac.authorization.k8s.io
`,
      "resources/replica.tf": `module "read_replica" {
  count  = 0
  source = "github.com/ministryofjustice/cloud-platform-terraform-rds-instance?ref=8.0.0"
}
`,
    },
  });
  await openWhenIndexed(page, `/namespaces/live/${name}`, "Other access");
  await expect(page.getByRole("region", { name: "Owning teams" })).toContainText("shapes-owners");
  await expect(page.getByRole("region", { name: "Owning teams" })).not.toContainText("shapes-readers");
  await expect(page.getByRole("region", { name: "Other access" })).toContainText("shapes-readers");
  await expect(page.getByRole("region", { name: "Other access" })).toContainText("Role/read-only");
  await expect(page.getByRole("region", { name: "Metadata" })).toContainText("Team name");
  const replica = page.getByRole("region", { name: "AWS resources" }).getByRole("row", { name: /read_replica/ });
  await expect(replica).toContainText("Disabled (count = 0)");
  await expect(page.getByRole("region", { name: "Warnings about this folder" })).toContainText("07-rbac-readers.yml");
});

test("a namespace that cannot be read fully shows its problems", async ({ page }) => {
  const name = uniqueName("messy");
  await commitNamespace({ name, files: { "04-networkpolicy.yaml": "kind: NetworkPolicy\nmetadata: [unclosed\n" } });
  await openWhenIndexed(page, `/namespaces/live/${name}`, "Berth could not read everything");
  await expect(page.getByRole("region", { name: /could not read/ })).toContainText("04-networkpolicy.yaml");
  await expect(page.getByRole("region", { name: "Metadata" })).toContainText("E2E application");
});

test("an unknown namespace is a 404 page", async ({ page }) => {
  const response = await page.goto("/namespaces/live/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("pages fit the screen; wide tables scroll inside their box", async ({ page }) => {
    for (const url of ["/", "/namespaces"]) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  });
});

test("the skip link is the first tab stop and moves focus to the content", async ({ page }) => {
  await page.goto("/namespaces");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
