import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { execFile } from "node:child_process";
import path from "node:path";
import { outputsSecret } from "../lib/environments/render/render-module-block";
import { cloudPlatformNamespace, moduleBlock } from "../lib/environments/testing/cloud-platform-namespace";
import { uniqueName } from "./fixtures/environments-repo";
import { E2E_ROOT } from "./fixtures/paths";
import { signInLocally } from "./fixtures/local-sign-in";

async function fillRequest(page: Page, name: string): Promise<void> {
  await page.getByLabel("Namespace name").fill(name);
  // Any lower-case word is an environment; a review-after date is proposed only for development (sandbox) namespaces.
  await page.getByLabel("Environment").fill("uat");
  await expect(page.getByLabel("Review after")).toHaveValue("");
  await page.getByLabel("Environment").fill("development");
  await expect(page.getByLabel("Review after")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByLabel("Application").fill("Visits booking (e2e)");
  await page.getByLabel("Source code URL").fill("https://github.com/ministryofjustice/visits");
  await page.getByLabel("Owning GitHub team").selectOption("digital-prison-services");
  await page.getByLabel("Business unit").selectOption("HMPPS");
  await page.getByLabel("Service area").fill("Prisons");
  await page.getByLabel("Slack channel").fill("#visits");
  await page.getByLabel("Team display name").fill("Digital Prison Services");
  await page.getByLabel("Team email").fill("dps@example.gov.uk");
}

test("a team member requests a namespace in the demo; a reviewer approves and merges it; it joins the inventory", async ({ page }) => {
  test.setTimeout(90_000);
  const name = uniqueName("visits");
  await signInLocally(page, "alice-adeyemi", ["digital-prison-services"], "/requests/new");

  await page.getByLabel("Namespace name").fill("Not A Valid Name");
  await expect(page.getByText(/lower-case letters, digits and hyphens/i).last()).toBeVisible();
  await expect(page.getByLabel("Namespace name")).toHaveAttribute("aria-invalid", "true");

  await fillRequest(page, name);
  const policy = page.getByRole("region", { name: "The repository's checks" });
  await expect(policy.getByText("Pass").first()).toBeVisible();
  await expect(policy.getByText("Fail")).toHaveCount(0);
  const files = page.getByRole("region", { name: "Files the pull request adds" });
  await expect(files.getByRole("listitem")).toHaveCount(8);
  await files.getByText(`namespaces/live.cloud-platform.service.justice.gov.uk/${name}/00-namespace.yaml`).click();
  await expect(page.getByLabel(`New file namespaces/live.cloud-platform.service.justice.gov.uk/${name}/00-namespace.yaml`)).toContainText(`+   name: ${name}`);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  await page.getByRole("button", { name: "Submit the request" }).click();
  // Submitting writes a branch and a commit and runs the policy: seconds on a busy machine.
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/, { timeout: 30_000 });
  const requestUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: `Namespace ${name}` })).toBeVisible();
  await expect(page.getByText("Pull request open").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await signInLocally(page, "dana-kowalski", ["webops"], new URL(requestUrl).pathname);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("button", { name: "Merge" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByText("Merged").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Approved");
  // The demo's sample cluster plays the apply pipeline: a few seconds after the merge the namespace is
  // live, and the request page turns to Applied by itself (no reload).
  await page.evaluate(() => Object.assign(window, { berthNoReload: true }));
  const applied = page.getByRole("status").filter({ hasText: /Merged|Applied/ });
  await expect(page.getByText(`Merged: waiting for the apply pipeline to create namespace ${name} in cluster live.`)).toBeVisible();
  const { violations: waiting } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(waiting.map((v) => v.id)).toEqual([]);
  await expect(applied).toHaveText("Applied", { timeout: 30_000 });
  await expect(page.getByText(/waiting for the apply pipeline/)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { berthNoReload?: boolean }).berthNoReload)).toBe(true);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText(`namespace ${name} is live in live`);

  await expect(async () => {
    await page.goto(`/namespaces/live/${name}`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("region", { name: "Metadata" })).toContainText("Visits booking (e2e)");
});

test("a name already in the inventory is refused before anything is written", async ({ page }) => {
  await signInLocally(page, "alice-adeyemi", ["digital-prison-services"], "/namespaces?pageSize=1");
  const taken = await page.locator("tbody th a").first().innerText();
  await page.goto("/requests/new");
  await fillRequest(page, taken);
  await expect(page.getByText(/already exists/).first()).toBeVisible();
  await page.getByRole("button", { name: "Submit the request" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Correct the fields" })).toBeVisible();
  await expect(page).toHaveURL(/\/requests\/new$/);
});

/** Commits files to the demo's environments repository as a merge would (plumbing and a compare-and-swap, as Berth's local provider does). */
async function mergeIntoDemoRepo(files: Record<string, string>): Promise<void> {
  const repo = path.join(E2E_ROOT, "local", "environments");
  const git = (args: string[], env: Record<string, string> = {}, input?: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile("git", ["-C", repo, ...args], { env: { ...process.env, ...env } }, (error, stdout) =>
        error ? reject(error) : resolve(stdout.trim()),
      );
      if (input !== undefined) child.stdin!.end(input);
    });
  const identity = { GIT_AUTHOR_NAME: "E2E", GIT_AUTHOR_EMAIL: "e2e@example.com", GIT_COMMITTER_NAME: "E2E", GIT_COMMITTER_EMAIL: "e2e@example.com" };
  for (let attempt = 0; ; attempt++) {
    const base = await git(["rev-parse", "refs/heads/main"]);
    const env = { ...identity, GIT_INDEX_FILE: path.join(repo, ".git", `e2e-index-${process.pid}`) };
    await git(["read-tree", base], env);
    for (const [file, text] of Object.entries(files)) {
      const blob = await git(["hash-object", "-w", "--stdin"], {}, text);
      await git(["update-index", "--add", "--cacheinfo", `100644,${blob},${file}`], env);
    }
    const commit = await git(["commit-tree", await git(["write-tree"], env), "-p", base, "-m", "Merge e2e resources"], env);
    try {
      await git(["update-ref", "refs/heads/main", commit, base]);
      await git(["read-tree", "-u", "--reset", commit]);
      return;
    } catch (error) {
      if (attempt > 5) throw error;
    }
  }
}

test("the demo's apply pipeline writes the Secrets merged Terraform declares, with their keys", async ({ page }) => {
  const name = uniqueName("piped");
  const folder = `namespaces/live.cloud-platform.service.justice.gov.uk/${name}`;
  const namespaceFiles = cloudPlatformNamespace(name, {
    teams: ["digital-prison-services"],
    resources: { "sqs.tf": `${moduleBlock("queue", "sqs", "5.1.2")}\n${outputsSecret("queue", "piped-queue-output", ["sqs_id", "sqs_arn", "sqs_name"])}` },
  });
  await mergeIntoDemoRepo(Object.fromEntries(Object.entries(namespaceFiles).map(([file, text]) => [`${folder}/${file}`, text])));
  await signInLocally(page, "alice-adeyemi", ["digital-prison-services"]);
  const secrets = page.getByRole("table", { name: /^Secrets in / });
  await expect(async () => {
    await page.goto(`/namespaces/live/${name}`);
    await expect(secrets.getByRole("row", { name: /piped-queue-output/ })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 40_000 });
  await expect(secrets.getByRole("row", { name: /piped-queue-output/ })).toContainText("sqs_arn, sqs_id, sqs_name");
});
