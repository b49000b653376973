import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { E2E_REPO } from "./fixtures/paths";
import { createGitHubUser, signInWithGitHub } from "./fixtures/sign-in";
import { openWhenIndexed } from "./fixtures/open-when-indexed";

const repo = (...args: string[]) => execFileSync("git", ["-C", E2E_REPO, ...args], { encoding: "utf8" }).trim();
const folderOf = (ns: string) => `namespaces/live.cloud-platform.service.justice.gov.uk/${ns}`;

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The lines a branch's single commit adds and removes, as git shows them. */
function changedLines(branch: string): string[] {
  return repo("diff", "--unified=0", `main...${branch}`)
    .split("\n")
    .filter((l) => /^[-+](?![-+]{2} )/.test(l));
}

test("an owner changes the Slack channel: the form is pre-filled, the diff shown is the pull request's, nothing else changes", async ({ page }) => {
  test.setTimeout(120_000);
  const team = uniqueName("meta-team");
  const ns = uniqueName("meta");
  await commitNamespace({ name: ns, team });
  await signInWithGitHub(page, await createGitHubUser([team]));
  await openWhenIndexed(page, `/namespaces/live/${ns}`);
  await page.getByRole("navigation", { name: "Change this namespace" }).getByRole("link", { name: "Details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Change the details of ${ns}` })).toBeVisible();
  await expect(page.getByLabel("Slack channel")).toHaveValue(`${ns}-dev`);
  await expectNoViolations(page, "metadata form");

  await page.getByLabel("Slack channel").fill("Not a channel!");
  await expect(page.getByLabel("Slack channel")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Slack channel").fill("orders-alerts");
  const files = page.getByRole("region", { name: "Files the pull request changes" });
  const diff = files.getByTestId("edit-diff");
  await expect(diff).toContainText('+    cloud-platform.justice.gov.uk/slack-channel: "orders-alerts"');
  await expect(diff).toContainText(`-    cloud-platform.justice.gov.uk/slack-channel: "${ns}-dev"`);
  await expect(page.getByRole("region", { name: "Review forecast" })).toBeVisible();
  await expectNoViolations(page, "metadata form with a preview");

  // Production is allowed, but flagged for review on the form.
  await page.getByLabel("Production namespace").check();
  await expect(page.getByRole("region", { name: "Review forecast" })).toContainText("is-production changes from false to true");
  await page.getByLabel("Production namespace").uncheck();
  await expect(page.getByRole("region", { name: "Review forecast" })).not.toContainText("is-production changes");

  await page.getByRole("button", { name: "Submit the change" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: `Change the details of ${ns}` })).toBeVisible();
  await expect(page.getByText("Pull request open").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Files in the pull request" })).toContainText(`${folderOf(ns)}/00-namespace.yaml (changed)`);
  await expectNoViolations(page, "edit request page");

  const branch = repo("for-each-ref", "--format=%(refname:short)", `refs/heads/berth/edit-metadata-${ns}-*`);
  expect(repo("rev-list", "--count", `main..${branch}`)).toBe("1");
  expect(repo("diff", "--name-only", `main...${branch}`)).toBe(`${folderOf(ns)}/00-namespace.yaml`);
  expect(changedLines(branch)).toEqual([
    `-    cloud-platform.justice.gov.uk/slack-channel: "${ns}-dev"`,
    '+    cloud-platform.justice.gov.uk/slack-channel: "orders-alerts"',
  ]);
});

test("access: the last admin team cannot be removed; a team is added to the RoleBinding in place", async ({ page }) => {
  test.setTimeout(120_000);
  const team = uniqueName("acc-team");
  const ns = uniqueName("acc");
  await commitNamespace({ name: ns, team });
  await signInWithGitHub(page, await createGitHubUser([team]));
  await openWhenIndexed(page, `/namespaces/live/${ns}/edit/access`);
  await expect(page.getByRole("heading", { level: 1, name: `Change who administers ${ns}` })).toBeVisible();
  await expectNoViolations(page, "access form");

  await page.getByRole("checkbox", { name: team }).check();
  await expect(page.getByText(`${team} cannot be removed: ${ns} must keep at least one team bound to admin`)).toBeVisible();
  await expectNoViolations(page, "access form refusing the last admin");
  await page.getByRole("checkbox", { name: team }).uncheck();

  // Typed key by key, as people do: the comma before the second team stays while it is typed.
  const added = uniqueName("new-admins");
  const second = uniqueName("more-admins");
  await page.getByLabel("GitHub teams to add as admins").pressSequentially(`${added}, ${second}`);
  await expect(page.getByLabel("GitHub teams to add as admins")).toHaveValue(`${added}, ${second}`);
  await expect(page.getByTestId("edit-diff")).toContainText(`+    name: "github:${added}"`);
  await expect(page.getByTestId("edit-diff")).toContainText(`+    name: "github:${second}"`);
  await page.getByRole("button", { name: "Submit the change" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/, { timeout: 30_000 });
  const branch = repo("for-each-ref", "--format=%(refname:short)", `refs/heads/berth/edit-access-${ns}-*`);
  expect(repo("diff", "--name-only", `main...${branch}`)).toBe(`${folderOf(ns)}/01-rbac.yaml`);
  expect(changedLines(branch).every((l) => l.startsWith("+"))).toBe(true);
  expect(changedLines(branch).join("\n")).toContain(`github:${added}`);
  expect(changedLines(branch).join("\n")).toContain(`github:${second}`);
});

test("bad input to the edit API is a 422 naming the field, and nothing is written", async ({ page }) => {
  const team = uniqueName("api-team");
  const ns = uniqueName("api");
  await commitNamespace({ name: ns, team });
  await signInWithGitHub(page, await createGitHubUser([team]));
  await openWhenIndexed(page, `/namespaces/live/${ns}`);
  const before = repo("for-each-ref", "--format=%(refname)", "refs/heads/berth/");
  const post = (body: unknown) => page.request.post("/api/requests/edit", { data: body, headers: { origin: new URL(page.url()).origin } });
  const bad = await post({ cluster: "live", namespace: ns, operation: "metadata", answers: { slackChannel: "Not a channel!" } });
  expect(bad.status()).toBe(422);
  expect(Object.keys((await bad.json()).error.fields)).toEqual(["slackChannel"]);
  const unknown = await post({ cluster: "live", namespace: ns, operation: "metadata", answers: { slackChanel: "x" } });
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).error.fields).toHaveProperty("slackChanel");
  expect(repo("for-each-ref", "--format=%(refname)", "refs/heads/berth/")).toBe(before);
});
