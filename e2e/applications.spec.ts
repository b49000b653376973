import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { sampleControlHeaders } from "./fixtures/sample-control";
import { SAMPLE_CLUSTER_PORTS } from "./fixtures/servers";
import { signInAsNewUser } from "./fixtures/sign-in";

// One application in three namespaces (one repository), applied to the sample
// cluster with chosen images: production runs an older api than staging.
const control = `http://127.0.0.1:${SAMPLE_CLUSTER_PORTS.github}/_sample`;
test.describe.configure({ mode: "serial" });
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const app = uniqueName("visits");
const repo = `https://github.com/ministryofjustice/${app}`;
const environments = [
  { name: `${app}-dev`, environment: "development", isProduction: false, images: { api: "ecr/visits/api:v3", ui: "ecr/visits/ui:v1" } },
  { name: `${app}-staging`, environment: "staging", isProduction: false, images: { api: "ecr/visits/api:v2", ui: "ecr/visits/ui:v1" } },
  { name: `${app}-prod`, environment: "production", isProduction: true, images: { api: "ecr/visits/api:v1", ui: "ecr/visits/ui:v1" } },
];

test.beforeAll(async () => {
  for (const env of environments) {
    await commitNamespace({ name: env.name, environment: env.environment, isProduction: env.isProduction, application: "Visits", sourceCode: repo });
    const response = await fetch(`${control}/namespaces`, {
      method: "POST",
      headers: sampleControlHeaders("github"),
      body: JSON.stringify({ name: env.name, images: env.images }),
    });
    if (!response.ok) throw new Error(`applying ${env.name}: ${response.status} ${await response.text()}`);
  }
});

test("an application's environments side by side from the namespace page, production's difference from staging marked", async ({ page }) => {
  await signInAsNewUser(page, ["someone-else"]);
  await expect(async () => expect((await page.goto(`/namespaces/live/${app}-staging`))?.status()).toBe(200)).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: "Images across its environments" }).click();
  await expect(page).toHaveURL(`/applications/${app}`);
  await expect(page.getByRole("heading", { name: "Visits" })).toBeVisible();

  const table = page.getByRole("table", { name: "Images of Visits by environment" });
  await expect(table.getByRole("columnheader")).toHaveText(["Deployment", "development", "staging", "production"]);
  // The cluster cache may take a moment to hold the three namespaces' deployments.
  await expect(table.locator('tr[data-deployment="api"] td')).toHaveText(["v3", "v2", `v1Differs from ${app}-staging`]);
  await expect(table.locator('tr[data-deployment="ui"] td')).toHaveText(["v1", "v1", "v1"]);
  await expect(table.locator("[data-differs]")).toHaveCount(1);
  await expect(page.getByRole("status")).toHaveText(`Production runs other images than ${app}-staging in 1 deployment.`);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await table.getByRole("link", { name: `${app}-prod` }).click();
  await expect(page.getByRole("heading", { name: `${app}-prod` })).toBeVisible();
});

test("the inventory links each namespace's application", async ({ page }) => {
  await signInAsNewUser(page, ["someone-else"]);
  await page.goto(`/namespaces?q=${app}`);
  for (const env of environments) {
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: env.name }) });
    await expect(row.getByRole("link", { name: "Visits", exact: true })).toHaveAttribute("href", `/applications/${app}`);
  }
  await page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: `${app}-prod` }) })
    .getByRole("link", { name: "Visits", exact: true })
    .click();
  await expect(page).toHaveURL(`/applications/${app}`);
});
