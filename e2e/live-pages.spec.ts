import { expect, test, type Page } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { requestAnswers } from "./fixtures/requests";
import { SAMPLE_CLUSTER_PORTS } from "./fixtures/servers";
import { sampleControlHeaders } from "./fixtures/sample-control";
import { signInAsNewUser } from "./fixtures/sign-in";

// Pages that follow the clusters and the requests without a reload, and the cluster and "me" overviews.
// Each test's namespaces have unique names: applying one in the shared sample cluster changes nothing another test reads.
const control = `http://127.0.0.1:${SAMPLE_CLUSTER_PORTS.github}/_sample`;

async function applyInCluster(name: string): Promise<void> {
  const response = await fetch(`${control}/namespaces`, { method: "POST", headers: sampleControlHeaders("github"), body: JSON.stringify({ name }) });
  if (!response.ok) throw new Error(`applying ${name}: ${response.status} ${await response.text()}`);
}

async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { berthNoReload: true }));
}

async function expectNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { berthNoReload?: boolean }).berthNoReload)).toBe(true);
}

test("/drift follows the cluster without a reload, and says which cluster is not configured", async ({ page }) => {
  const name = uniqueName("drifting");
  await commitNamespace({ name });
  await signInAsNewUser(page);
  const missing = page.getByRole("table", { name: "Namespaces defined in the repository but missing from their cluster" });
  await expect(async () => {
    await page.goto("/drift");
    await expect(missing.getByRole("link", { name })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText(/^Cluster live-2 is not configured: Berth has no credentials for it/)).toBeVisible();

  await markNoReload(page);
  await applyInCluster(name);
  await expect(missing.getByRole("link", { name })).toHaveCount(0, { timeout: 20_000 });
  await expectNoReload(page);
});

test("the review count in a reviewer's navigation follows new requests without a reload", async ({ page, browser }) => {
  await signInAsNewUser(page, ["webops"], "/namespaces");
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Reviews \(\d+\)$/ });
  const before = Number((await link.innerText()).match(/\d+/)![0]);
  await markNoReload(page);

  const team = uniqueName("count-team");
  const owner = await browser.newPage();
  await signInAsNewUser(owner, [team]);
  const submitted = await owner.request.post("/api/requests", {
    headers: { origin: new URL(owner.url()).origin },
    data: requestAnswers(uniqueName("counted"), team),
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  await owner.close();

  await expect(link).not.toHaveText(`Reviews (${before})`, { timeout: 30_000 });
  await expectNoReload(page);
});

test("a cluster's overview: namespaces by state, unhealthy deployments, last sync; a cluster without credentials says so", async ({ page }) => {
  await signInAsNewUser(page);
  await page.goto("/clusters/live");
  await expect(page.getByRole("heading", { level: 1, name: "Cluster live" })).toBeVisible();
  await expect(page.getByText(/Live: Berth is watching it \(last sync /)).toBeVisible();
  const figures = page.getByRole("list", { name: "Namespaces in this cluster" });
  const defined = Number((await figures.getByRole("link", { name: /^Defined in the repository/ }).innerText()).replace(/\D/g, ""));
  expect(defined).toBeGreaterThanOrEqual(200);
  await figures.getByRole("link", { name: /^Missing from cluster/ }).click();
  await expect(page).toHaveURL(/\/namespaces\?cluster=live&status=missing$/);
  await expect(page.locator("tbody [data-status]").first()).toHaveText("Missing from cluster");

  await page.goto("/clusters/live");
  const unhealthy = page.getByRole("table", { name: "Unhealthy deployments in cluster live" });
  await expect(unhealthy.locator("tbody tr").first()).toBeVisible();
  await unhealthy.getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "Live in cluster live" })).toBeVisible();

  await page.goto("/clusters/live-2");
  await expect(page.getByText(/^Cluster live-2 is not configured/)).toBeVisible();
  await expect(page.getByText("Not known: Berth has no data from this cluster.")).toBeVisible();
  expect((await page.goto("/clusters/no-such-cluster"))?.status()).toBe(404);
});

test("/me lists my teams' namespaces and my open requests", async ({ page }) => {
  const team = uniqueName("me-team");
  const name = uniqueName("mine");
  await commitNamespace({ name, team });
  await signInAsNewUser(page, [team]);
  const requested = uniqueName("my-req");
  const submitted = await page.request.post("/api/requests", { headers: { origin: new URL(page.url()).origin }, data: requestAnswers(requested, team) });
  expect(submitted.status(), await submitted.text()).toBe(201);
  await expect(async () => {
    await page.goto("/me");
    await expect(page.getByRole("table", { name: "Namespaces your teams own" }).getByRole("link", { name })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const requests = page.getByRole("table", { name: "Your open requests and your teams'" });
  await expect(requests.getByRole("row", { name: new RegExp(requested) })).toContainText("New namespace");
  await requests.getByRole("link", { name: requested }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Namespace ${requested}` })).toBeVisible();
});

test("Berth has a favicon", async ({ page }) => {
  await signInAsNewUser(page);
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
