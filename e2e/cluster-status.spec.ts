import { expect, test } from "@playwright/test";
import { SAMPLE_SECRET_MARKER, SAMPLE_SECRET_MARKER_BASE64 } from "../lib/clusters/sample/sample-namespace-objects";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { sampleControl } from "./fixtures/sample-control";
import { signInAsNewUser } from "./fixtures/sign-in";
import { openWhenIndexed } from "./fixtures/open-when-indexed";

// Berth (github mode) watches its sample cluster; its control API plays the
// pipeline (applying a namespace) and the kubelet (restarting a pod); its outage is in cluster-outage.spec.ts.
test.describe.configure({ mode: "serial" });

const sample = sampleControl("github");

const team = uniqueName("live-team");
const applied = uniqueName("live-ns");
const missing = uniqueName("missing-ns");

test.beforeAll(async () => {
  await commitNamespace({ name: applied, team });
  await commitNamespace({ name: missing, team });
  await sample("/namespaces", { name: applied });
});

test("an owner sees live deployments, pods and secrets' keys, and a pod restart appears without a reload", async ({ page }) => {
  await signInAsNewUser(page, [team]);
  const statusBodies: string[] = [];
  page.on("response", async (response) => {
    if (response.url().endsWith(`/api/namespaces/live/${applied}/status`)) statusBodies.push(await response.text());
  });
  await openWhenIndexed(page, `/namespaces/live/${applied}`);
  const live = page.getByRole("region", { name: "Live in cluster live" });
  await expect(live.getByRole("table", { name: `Deployments in ${applied}` }).getByRole("row")).not.toHaveCount(1);
  const pods = live.getByRole("table", { name: `Pods in ${applied}` });
  const firstPod = pods.locator("tbody tr").first();
  const podName = (await firstPod.getByRole("rowheader").innerText()).trim();
  await expect(firstPod.locator("[data-restarts]")).toHaveText("0");

  const secrets = live.getByRole("table", { name: /Secrets in/ });
  await expect(secrets.locator("tbody tr").first()).toBeVisible();
  expect(await secrets.locator("tbody").innerText()).not.toContain(SAMPLE_SECRET_MARKER);
  await expect(live.getByRole("table", { name: `Quota usage in ${applied}` }).getByRole("rowheader", { name: "pods" })).toBeVisible();

  await page.evaluate(() => Object.assign(window, { berthNoReload: true }));
  await sample(`/pods/${applied}/${podName}/restart`, {});
  await expect(pods.locator(`tr[data-pod="${podName}"] [data-restarts]`)).toHaveText("1", { timeout: 15_000 });
  await expect(pods.locator(`tr[data-pod="${podName}"]`)).toContainText("Error");
  expect(await page.evaluate(() => (window as unknown as { berthNoReload?: boolean }).berthNoReload)).toBe(true);
  await expect(live.getByText("BackOff").first()).toBeVisible({ timeout: 15_000 });

  // Note: no response Berth sent the browser held a secret value.
  await expect.poll(() => statusBodies.length).toBeGreaterThan(0);
  for (const body of [...statusBodies, await page.content()]) {
    expect(body).not.toContain(SAMPLE_SECRET_MARKER);
    expect(body).not.toContain(SAMPLE_SECRET_MARKER_BASE64);
  }
});

test("someone outside the team sees workloads but not secrets or events", async ({ page }) => {
  await signInAsNewUser(page, ["another-team"]);
  await openWhenIndexed(page, `/namespaces/live/${applied}`);
  const live = page.getByRole("region", { name: "Live in cluster live" });
  await expect(live.getByRole("table", { name: `Pods in ${applied}` })).toBeVisible();
  await expect(live.getByText("Secrets and events are shown to the namespace's owners and platform reviewers.")).toBeVisible();
  await expect(live.getByRole("table", { name: /Secrets in/ })).toHaveCount(0);
  const api = await page.request.get(`/api/namespaces/live/${applied}/status`);
  expect(await api.json()).toMatchObject({ fullView: false, live: { secrets: null, events: null } });
});

test("the inventory shows each namespace's status and the drift between repository and cluster", async ({ page }) => {
  await signInAsNewUser(page, [team]);
  await openWhenIndexed(page, `/namespaces?team=${team}`);
  await expect(page.getByRole("row", { name: new RegExp(applied) })).toContainText("Live");
  await expect(page.getByRole("row", { name: new RegExp(missing) })).toContainText("Missing from cluster");
  await expect(page.getByText(/^Drift: /)).toBeVisible();

  await page.getByRole("link", { name: "See the drift" }).click();
  const missingList = page.getByRole("table", { name: "Namespaces defined in the repository but missing from their cluster" });
  await expect(missingList.getByRole("link", { name: missing })).toHaveAttribute("href", `/namespaces/live/${missing}`);
  await expect(missingList.getByRole("link", { name: applied })).toHaveCount(0);
  const orphans = page.getByRole("table", { name: "Namespaces in a cluster that no repository folder defines" });
  expect(await orphans.locator("tbody tr").count()).toBeGreaterThanOrEqual(3);
  await expect(orphans).not.toContainText("kube-system");
  await orphans.getByRole("link").first().click();
  await expect(page.getByText(/exists only in cluster live/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Live in cluster live" })).toBeVisible();
});
