import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { SAMPLE_SECRET_MARKER, SAMPLE_SECRET_MARKER_BASE64 } from "../lib/clusters/sample/sample-namespace-objects";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { sampleControlHeaders } from "./fixtures/sample-control";
import { SAMPLE_CLUSTER_PORTS } from "./fixtures/servers";
import { signInAsNewUser } from "./fixtures/sign-in";

// A namespace whose repository declares an RDS instance's Secret with two keys; the pipeline (the sample
// cluster's control API) creates it with a deployment reading both, then Terraform rewrites the Secret with
// one key only: the deployment now reads a key that does not exist.
const control = `http://127.0.0.1:${SAMPLE_CLUSTER_PORTS.github}/_sample`;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
test.describe.configure({ mode: "serial" });

async function sample(path: string, body: unknown): Promise<Response> {
  const response = await fetch(`${control}${path}`, { method: "POST", headers: sampleControlHeaders("github"), body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The index refreshes every second in e2e; reload until the page exists. */
async function openWhenIndexed(page: Page, url: string): Promise<void> {
  await expect(async () => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
  }).toPass({ timeout: 20_000 });
}

const team = uniqueName("wiring-team");
const ns = uniqueName("wiring-ns");
const RDS = `module "orders_db" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-rds-instance?ref=8.0.0"

  team_name = var.team_name
  namespace = var.namespace
}

resource "kubernetes_secret" "orders_db" {
  metadata {
    name      = "orders-db-output"
    namespace = var.namespace
  }
  data = {
    database_name         = module.orders_db.database_name
    rds_instance_endpoint = module.orders_db.rds_instance_endpoint
  }
}
`;

test.beforeAll(async () => {
  await commitNamespace({ name: ns, team, files: { "resources/rds.tf": RDS } });
  await sample("/namespaces", { name: ns, secrets: [{ name: "orders-db-output", keys: ["database_name", "rds_instance_endpoint"] }] });
  await sample("/secrets", { namespace: ns, name: "orders-db-output", keys: ["database_name"] });
});

test("an owner sees the resource's Secret, who reads it, the missing key flagged, an env snippet, and rollout history", async ({ page }) => {
  await signInAsNewUser(page, [team]);
  await openWhenIndexed(page, `/namespaces/live/${ns}`);
  const live = page.getByRole("region", { name: "Live in cluster live" });
  const resource = live.locator('[data-resource="orders_db"]');
  await expect(resource).toContainText("orders_db writes Secret orders-db-output with keys database_name, rds_instance_endpoint");
  await expect(resource.locator("[data-cluster-state]")).toHaveText("In the cluster without keys rds_instance_endpoint");
  await expect(resource.locator('[data-problem="missing-key"]')).toHaveText(
    "No key rds_instance_endpoint in Secret orders-db-output: pods fail with CreateContainerConfigError",
  );
  await expect(resource).toContainText("env DATABASE_NAME ← key database_name");
  const table = live.getByRole("table", { name: `Secrets and ConfigMaps each deployment in ${ns} reads` });
  const row = table.locator("tbody tr").first();
  await expect(row.locator('[data-problem="missing-key"]')).toHaveCount(1);
  await expect(row).toContainText(/ConfigMap \S+-config: envFrom/);
  await expect(row).toContainText(/ConfigMap \S+-feature-flags: env FEATURE_FLAGS ← key flags \(\S+\) \(optional\)/);

  // The snippet: one secretKeyRef per key; a renamed variable comes out as valid YAML.
  await resource.getByText("env: snippet for a deployment").click();
  const snippet = resource.getByLabel("env snippet for orders-db-output");
  expect(parse(await snippet.innerText())).toEqual({
    env: [
      { name: "DATABASE_NAME", valueFrom: { secretKeyRef: { name: "orders-db-output", key: "database_name" } } },
      { name: "RDS_INSTANCE_ENDPOINT", valueFrom: { secretKeyRef: { name: "orders-db-output", key: "rds_instance_endpoint" } } },
    ],
  });
  await resource.getByLabel("Variable for rds_instance_endpoint").fill("DB_HOST: #1");
  await expect(snippet).toContainText("DB_HOST: #1");
  expect((parse(await snippet.innerText()) as { env: { name: string }[] }).env[1]!.name).toBe("DB_HOST: #1");

  // Revisions newest first: the first is current, and its number is the highest.
  const history = live.locator("[data-rollout]").first();
  await expect(history).toContainText(/\d+ revisions?/);
  await history.locator("summary").click();
  const revisions = await history
    .getByRole("table", { name: /Rollout history of / })
    .getByRole("rowheader")
    .allInnerTexts();
  expect(revisions[0]).toMatch(/^\d+\s*Current$/);
  const numbers = revisions.map((r) => parseInt(r, 10));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

  await expectNoViolations(page, "namespace page with wiring");
  for (const body of [await page.content()]) {
    expect(body).not.toContain(SAMPLE_SECRET_MARKER);
    expect(body).not.toContain(SAMPLE_SECRET_MARKER_BASE64);
  }
});

test("an owner opens a pod: conditions, containers with requests and limits, last termination after a restart, events", async ({ page }) => {
  await signInAsNewUser(page, [team]);
  await openWhenIndexed(page, `/namespaces/live/${ns}`);
  const pods = page.getByRole("table", { name: `Pods in ${ns}` });
  const link = pods.locator("tbody tr").first().getByRole("link").first();
  const pod = (await link.innerText()).trim();
  await sample(`/pods/${ns}/${pod}/restart`, {});
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/namespaces/live/${ns}/pods/${pod}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(pod);
  await expect(page.getByRole("table", { name: `Conditions of pod ${pod}` }).getByRole("rowheader", { name: "Ready", exact: true })).toBeVisible();
  const containers = page.getByRole("table", { name: `Containers of pod ${pod}` });
  const main = containers.locator("tbody tr").first();
  await expect(main.locator("[data-last-termination]")).toContainText("Error, exit code 1");
  await expect(main).toContainText(/cpu \d+m?, memory \d+[MG]i/);
  await expectNoViolations(page, "pod page");
  // The BackOff event reaches Berth's cache through its watch; the page is rendered per request.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: "Events" })).toContainText("BackOff", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});

test("someone outside the team sees no wiring and may not open a pod", async ({ page }) => {
  await signInAsNewUser(page, ["another-team"]);
  await openWhenIndexed(page, `/namespaces/live/${ns}`);
  const live = page.getByRole("region", { name: "Live in cluster live" });
  await expect(live.getByRole("table", { name: `Pods in ${ns}` })).toBeVisible();
  await expect(live.getByRole("heading", { name: "Secrets wiring" })).toHaveCount(0);
  await expect(live.getByRole("table", { name: `Pods in ${ns}` }).getByRole("link")).toHaveCount(0);
  const api = await page.request.get(`/api/namespaces/live/${ns}/status`);
  expect(await api.json()).toMatchObject({ fullView: false, wiring: null });
  const pod = (
    await live
      .getByRole("table", { name: `Pods in ${ns}` })
      .locator("tbody tr")
      .first()
      .getByRole("rowheader")
      .innerText()
  ).trim();
  expect((await page.goto(`/namespaces/live/${ns}/pods/${pod}`))?.status()).toBe(403);
});
