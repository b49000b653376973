import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { sampleControlHeaders } from "./fixtures/sample-control";
import { SAMPLE_CLUSTER_PORTS } from "./fixtures/servers";
import { signInAsNewUser } from "./fixtures/sign-in";

// Pod logs from Berth's sample cluster (github mode), whose containers write a
// line a second; its control API restarts a pod and counts open log streams.
const control = `http://127.0.0.1:${SAMPLE_CLUSTER_PORTS.github}/_sample`;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
test.describe.configure({ mode: "serial" });

async function sample(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${control}${path}`, { method: "POST", headers: sampleControlHeaders("github"), body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

async function logStreams(): Promise<number> {
  return ((await (await fetch(`${control}/health`)).json()) as { logStreams: number }).logStreams;
}

async function expectAccessible(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const lineCount = async (page: Page) => Number(await page.getByLabel(/^Log of /).getAttribute("data-log-lines"));

const team = uniqueName("logs-team");
const ns = uniqueName("logs-ns");
let pod = "";

test.beforeAll(async () => {
  await commitNamespace({ name: ns, team });
  await sample("/namespaces", { name: ns });
});

test("an owner opens a pod's logs from the namespace page, reads the last lines, follows and downloads", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsNewUser(page, [team]);
  await expect(async () => expect((await page.goto(`/namespaces/live/${ns}`))?.status()).toBe(200)).toPass({ timeout: 20_000 });
  const pods = page.getByRole("table", { name: `Pods in ${ns}` });
  const link = pods.getByRole("link", { name: /^Logs of / }).first();
  pod = ((await link.getAttribute("aria-label")) ?? "").replace("Logs of ", "");
  await expect(link).toHaveAttribute("href", `/namespaces/live/${ns}/pods/${pod}/logs`);
  await link.click();
  await expect(page.getByRole("heading", { name: `Logs of ${pod}` })).toBeVisible();
  await openLogs(page);

  // The pod started moments ago and writes a line a second: ask for what it has surely written by the time it is asked.
  await page.getByLabel("Last lines").fill("3");
  await expect(async () => {
    await page.getByRole("button", { name: "Show lines" }).click();
    await expect(page.getByRole("status")).toHaveText("3 lines.", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByLabel(/^Log of /)).toContainText(/INFO {1,2}/);
  await expectAccessible(page, "logs shown");

  // The container writes a line a second: new ones arrive on the open response (followed again if the stream was cut).
  await expect(async () => {
    const follow = page.getByRole("button", { name: "Follow" });
    if (await follow.isVisible()) await follow.click();
    await expect(page.getByRole("status")).toContainText("Following", { timeout: 2_000 });
    await expect.poll(() => lineCount(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    const followed = await lineCount(page);
    await expect.poll(() => lineCount(page), { timeout: 8_000 }).toBeGreaterThan(followed + 1);
  }).toPass({ timeout: 45_000 });
  await expectAccessible(page, "following");
  // (Already stopped if the stream was cut meanwhile.)
  const stop = page.getByRole("button", { name: "Stop following" });
  if (await stop.isVisible()) await stop.click();
  await expect(page.getByRole("button", { name: "Follow" })).toBeVisible();

  // When the cluster does not answer the download is Berth's JSON error instead: download again once it answers.
  await expect(async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${pod}_[a-z0-9-]+\\.log$`));
    const text = await readFile((await file.path())!, "utf8");
    expect(text.trimEnd().split("\n")).toHaveLength(3);
  }).toPass({ timeout: 30_000 });
});

/**
 * Opens the pod's logs page. On a loaded machine the sample cluster may answer late; the page then says the cluster
 * did not answer, so steps that read from the cluster are retried until it answers.
 */
async function openLogs(page: Page): Promise<void> {
  await expect(async () => {
    await page.goto(`/namespaces/live/${ns}/pods/${pod}/logs`);
    await expect(page.getByRole("button", { name: "Show lines" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test("the previous container: refused before a restart, its crash after one", async ({ page }) => {
  await signInAsNewUser(page, [team]);
  await openLogs(page);
  await page.getByLabel("Previous container (before the last restart)").check();
  // (Next's route announcer is an empty alert of its own.)
  const alert = page.locator("p[role=alert]");
  await expect(async () => {
    await page.getByRole("button", { name: "Show lines" }).click();
    await expect(alert).toHaveText("This container has not restarted: there is no previous run to read", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page, "no previous container");

  await sample(`/pods/${ns}/${pod}/restart`, {});
  await expect(async () => {
    await page.getByRole("button", { name: "Show lines" }).click();
    await expect(page.getByLabel(/^Log of /)).toContainText("Error: connect ECONNREFUSED", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(alert).toHaveCount(0);
});

test("leaving the page while following closes Berth's stream to the cluster", async ({ page }) => {
  await signInAsNewUser(page, [team]);
  await openLogs(page);
  // Only this file follows logs on this cluster, one test at a time.
  await expect(async () => {
    const follow = page.getByRole("button", { name: "Follow" });
    if (await follow.isVisible()) await follow.click();
    await expect.poll(() => lineCount(page), { timeout: 3_000 }).toBeGreaterThan(0);
    expect(await logStreams()).toBe(1);
  }).toPass({ timeout: 30_000 });
  await page.close();
  await expect.poll(logStreams, { timeout: 15_000 }).toBe(0);
});

test("someone outside the team gets no logs link and a 403 from the page and the API", async ({ page }) => {
  await signInAsNewUser(page, ["another-team"]);
  await page.goto(`/namespaces/live/${ns}`);
  await expect(page.getByRole("table", { name: `Pods in ${ns}` })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Logs of / })).toHaveCount(0);
  expect((await page.goto(`/namespaces/live/${ns}/pods/${pod}/logs`))?.status()).toBe(403);
  expect((await page.request.get(`/api/namespaces/live/${ns}/pods/${pod}/logs?container=app`)).status()).toBe(403);
});
