import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { moduleBlock } from "../lib/environments/testing/cloud-platform-namespace";
import { SAMPLE_CLUSTER_PORTS } from "./fixtures/servers";
import { sampleControlHeaders } from "./fixtures/sample-control";
import { signInAsNewUser } from "./fixtures/sign-in";

// The github-mode Berth and its sample cluster; each test's namespaces have unique names, so applying
// one in the shared cluster changes nothing another test reads.
const control = `http://127.0.0.1:${SAMPLE_CLUSTER_PORTS.github}/_sample`;

async function applyInCluster(name: string): Promise<void> {
  const response = await fetch(`${control}/namespaces`, { method: "POST", headers: sampleControlHeaders("github"), body: JSON.stringify({ name }) });
  if (!response.ok) throw new Error(`applying ${name}: ${response.status} ${await response.text()}`);
}

/** The index refreshes every second in e2e; reload until the namespace shows up. */
async function openWhenIndexed(page: Page, url: string, visible: string): Promise<void> {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByRole("rowheader", { name: visible })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
}

const filters = (page: Page) => page.getByRole("search", { name: "Filter namespaces" });

test.beforeEach(async ({ page }) => {
  await signInAsNewUser(page);
});

test("the filter form follows the URL after a chip, back, forward and Clear filters, and Apply keeps every filter", async ({ page }) => {
  await page.goto("/namespaces?production=false");
  const businessUnit = filters(page).getByLabel("Business unit", { exact: true });
  const production = filters(page).getByLabel("Production", { exact: true });
  await expect(production).toHaveValue("false");

  const chip = page.getByRole("region", { name: "By business unit" }).getByRole("link").first();
  const unit = (await chip.innerText()).split(":")[0]!;
  await chip.click();
  await expect(page).toHaveURL(new RegExp(`businessUnit=${encodeURIComponent(unit).replace(/%20/g, "\\+")}`));
  await expect(businessUnit).toHaveValue(unit);
  await expect(production).toHaveValue("false");

  await page.goBack();
  await expect(page).toHaveURL(/\/namespaces\?production=false$/);
  await expect(businessUnit).toHaveValue("");
  await page.goForward();
  await expect(businessUnit).toHaveValue(unit);

  // Apply after the chip: the URL keeps the chip's filter and gains no empty parameter.
  await production.selectOption("true");
  await filters(page).getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/production=true/);
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ businessUnit: unit, production: "true" });

  await filters(page).getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/namespaces$/);
  await expect(businessUnit).toHaveValue("");
  await expect(production).toHaveValue("");
  await filters(page).getByLabel("Cluster status").selectOption("live");
  await filters(page).getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/namespaces\?status=live$/);
});

test("no match says so; the search box carries the server's length cap", async ({ page }) => {
  await page.goto(`/namespaces?q=${uniqueName("nothing")}`);
  await expect(page.getByRole("status")).toHaveText("No namespaces match these filters.");
  await expect(page.getByText(/Showing 0/)).toHaveCount(0);
  await expect(filters(page).getByLabel("Search")).toHaveAttribute("maxlength", "200");
});

test("review-after: empty dates sort last, overdue dates are highlighted", async ({ page }) => {
  const team = uniqueName("review-team");
  const overdue = uniqueName("overdue");
  const later = uniqueName("later");
  const none = uniqueName("none");
  await commitNamespace({ name: overdue, team, reviewAfter: "2020-01-01" });
  await commitNamespace({ name: later, team, reviewAfter: "2999-01-01" });
  await commitNamespace({ name: none, team });
  await openWhenIndexed(page, `/namespaces?team=${team}&sort=reviewAfter`, none);
  await expect(page.locator("tbody th")).toHaveText([overdue, later, none]);
  await page
    .getByRole("columnheader", { name: /^Review after/ })
    .getByRole("link")
    .click();
  await expect(page.locator("tbody th")).toHaveText([later, overdue, none]);
  const overdueRow = page.getByRole("row", { name: new RegExp(overdue) });
  await expect(overdueRow.locator("[data-overdue]")).toHaveText("2020-01-01 (overdue)");
  await expect(page.getByRole("row", { name: new RegExp(later) }).locator("[data-overdue]")).toHaveCount(0);
});

test("filter and sort by cluster status; the CSV has it; the status column refreshes without a reload", async ({ page }) => {
  const team = uniqueName("status-team");
  const applied = uniqueName("applied");
  const pending = uniqueName("pending");
  await commitNamespace({ name: applied, team });
  await commitNamespace({ name: pending, team });
  await applyInCluster(applied);
  await openWhenIndexed(page, `/namespaces?team=${team}&status=live`, applied);
  await expect(page.locator("tbody th")).toHaveText([applied]);
  // The two namespaces are two commits: the index may hold the first and not yet the second.
  await openWhenIndexed(page, `/namespaces?team=${team}&status=missing`, pending);
  await expect(page.locator("tbody th")).toHaveText([pending]);

  await page.goto(`/namespaces?team=${team}`);
  await page
    .getByRole("columnheader", { name: /^Cluster status/ })
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/sort=status/);
  await expect(page.locator("tbody th")).toHaveText([applied, pending]);
  await expect(page.getByRole("columnheader", { name: /^Unhealthy deployments/ })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export this view as CSV" }).click()]);
  const lines = readFileSync((await download.path())!, "utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toMatch(/,cluster_status,unhealthy_deployments$/);
  expect(lines.find((l) => l.includes(`,${applied},`))).toMatch(/,live,\d+$/);
  expect(lines.find((l) => l.includes(`,${pending},`))).toMatch(/,missing,0$/);

  // The pipeline applies the pending namespace: its cell changes in place.
  const cell = page.getByRole("row", { name: new RegExp(pending) }).locator("[data-status]");
  await expect(cell).toHaveText("Missing from cluster");
  await page.evaluate(() => Object.assign(window, { berthNoReload: true }));
  await applyInCluster(pending);
  await expect(cell).toHaveText("Live", { timeout: 20_000 });
  expect(await page.evaluate(() => (window as unknown as { berthNoReload?: boolean }).berthNoReload)).toBe(true);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the filters fold, the status column shows, and no page scrolls sideways", async ({ page }) => {
    await page.goto("/namespaces");
    // A folded panel's form is hidden, so it is found by its markup rather than its role.
    const panel = page.locator('details:has(form[aria-label="Filter namespaces"])');
    await expect(panel).not.toHaveAttribute("open");
    await expect(filters(page).getByLabel("Search")).toBeHidden();
    await panel.locator("summary").click();
    await expect(filters(page).getByLabel("Search")).toBeVisible();
    // The status column sits within the phone's width (the table need not be scrolled sideways to see it).
    for (const cell of [page.getByRole("columnheader", { name: /^Cluster status/ }), page.locator("tbody tr").first().locator("[data-status]")]) {
      await expect(cell).toBeVisible();
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }

    for (const url of ["/", "/namespaces", "/drift", "/requests", "/requests/new", "/me", "/clusters/live", "/clusters/live-2"]) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  });
});

test("a module pinned below a version, and a missing default tag: the form, the page, the CSV and the API agree", async ({ page }) => {
  const team = uniqueName("sweep-team");
  const old = uniqueName("old-pin");
  const current = uniqueName("current-pin");
  const tagged = `provider "aws" {\n  region = "eu-west-2"\n  default_tags {\n    tags = {\n      namespace    = var.namespace\n      service-area = var.service_area\n    }\n  }\n}\n`;
  await commitNamespace({ name: old, team });
  await commitNamespace({ name: current, team, resources: { "rds.tf": moduleBlock("rds", "rds-instance", "9.2.0") }, files: { "resources/main.tf": tagged } });
  await openWhenIndexed(page, `/namespaces?team=${team}&sort=name`, current);
  await expect(page.locator("tbody th")).toHaveText([current, old].sort());

  // The form: a module and a version, then a missing tag (its choices are the tags some provider carries).
  await filters(page).getByLabel("Module", { exact: true }).selectOption("rds-instance");
  await filters(page).getByLabel("Module pinned below").fill("9.2.0");
  await filters(page).getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/below=9\.2\.0/);
  await expect(page.locator("tbody th")).toHaveText([old]);
  await expect(filters(page).getByLabel("Module pinned below")).toHaveValue("9.2.0");

  await filters(page).getByRole("link", { name: "Clear filters" }).click();
  await page.goto(`/namespaces?team=${team}`);
  await filters(page).getByLabel("Missing default tag").selectOption("service-area");
  await filters(page).getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/missingTag=service-area/);
  await expect(page.locator("tbody th")).toHaveText([old]);
  await expect(filters(page).getByLabel("Missing default tag")).toHaveValue("service-area");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export this view as CSV" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv).toContain(`,${old},`);
  expect(csv).not.toContain(`,${current},`);

  const api = await page.request.get(`/api/namespaces?team=${team}&module=rds-instance&below=9.2.1`);
  expect(api.ok()).toBe(true);
  const body = (await api.json()) as { rows: { name: string }[] };
  expect(body.rows.map((r) => r.name).sort()).toEqual([current, old].sort());
  const tagApi = (await (await page.request.get(`/api/namespaces?team=${team}&missingTag=namespace`)).json()) as { rows: unknown[]; total: number };
  expect(tagApi.total).toBe(0);
});
