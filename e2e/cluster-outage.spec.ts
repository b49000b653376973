import { expect, test } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { sampleControl } from "./fixtures/sample-control";
import { signInAsNewUser } from "./fixtures/sign-in";
import { openWhenIndexed } from "./fixtures/open-when-indexed";

// An outage of the github server's sample cluster: every spec reading that cluster would see it, so this file runs in
// the `outage` project, which Playwright starts only after every other project has finished (playwright.config.ts).
const sample = sampleControl("github");
const team = uniqueName("outage-team");
const applied = uniqueName("outage-ns");

test.beforeAll(async () => {
  await commitNamespace({ name: applied, team });
  await sample("/namespaces", { name: applied });
});

test("a cluster outage is shown with the age of the data, and Berth recovers by itself", async ({ page }) => {
  await signInAsNewUser(page, [team]);
  await openWhenIndexed(page, `/namespaces/live/${applied}`);
  const live = page.getByRole("region", { name: "Live in cluster live" });
  await expect(live.getByRole("table", { name: `Pods in ${applied}` })).toBeVisible();
  try {
    await sample("/outage", { on: true });
    await expect(live.getByText(/Cluster live cannot be reached .*Showing what it reported until/)).toBeVisible({ timeout: 20_000 });
    await expect(live.getByRole("table", { name: `Pods in ${applied}` })).toBeVisible();
    await page.goto("/namespaces");
    await expect(page.getByText(/Cluster live cannot be reached/)).toBeVisible();
  } finally {
    await sample("/outage", { on: false });
  }
  await page.goto(`/namespaces/live/${applied}`);
  await expect(live.getByText(/cannot be reached/)).toHaveCount(0, { timeout: 30_000 });
});
