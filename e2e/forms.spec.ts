import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { moduleBlock } from "../lib/environments/testing/cloud-platform-namespace";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { E2E_REPO } from "./fixtures/paths";
import { createGitHubUser, signInAsNewUser, signInWithGitHub } from "./fixtures/sign-in";
import { openWhenIndexed } from "./fixtures/open-when-indexed";

const repo = (...args: string[]) => execFileSync("git", ["-C", E2E_REPO, ...args], { encoding: "utf8" }).trim();

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A namespace of a new team (with the standard rds 8.0.0 block and `extra` files), and its owner signed in on its resource form. */
async function openResourceForm(page: Page, prefix: string, files: Record<string, string> = {}): Promise<string> {
  const team = uniqueName(`${prefix}-team`);
  const ns = uniqueName(prefix);
  await commitNamespace({ name: ns, team, files });
  await signInWithGitHub(page, await createGitHubUser([team]));
  await openWhenIndexed(page, `/namespaces/live/${ns}/resources/new`);
  return ns;
}

async function addResource(page: Page, kind: string): Promise<void> {
  await page.getByLabel("Resource to add").selectOption(kind);
  await page.getByRole("button", { name: "Add to the request" }).click();
}

test.describe("the namespace request form", () => {
  test("a failed submit: an error summary takes focus, links to its fields, and follows the answers as they change", async ({ page }) => {
    const team = uniqueName("forms-team");
    await signInAsNewUser(page, [team], "/requests/new");
    await page.getByRole("button", { name: "Submit the request" }).click();

    const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "enter a namespace name" })).toHaveAttribute("href", "#name");
    await expectNoViolations(page, "namespace form after a failed submit");
    await summary.getByRole("link", { name: "enter a namespace name" }).click();
    await expect(page.getByLabel("Namespace name")).toBeFocused();

    // Typing clears that field's error, in the field and in the summary, without submitting again.
    await page.getByLabel("Namespace name").fill(uniqueName("forms"));
    await expect(page.getByLabel("Namespace name")).toHaveAttribute("aria-invalid", "false");
    await expect(summary.getByRole("link", { name: "enter a namespace name" })).toHaveCount(0);
    await expect(summary.getByRole("link", { name: "enter the application name" })).toBeVisible();

    // Answers that make no sense together are refused with a reason, by the server's schema, as you type.
    await page.getByLabel("Environment").fill("production");
    const notProduction = page.getByText(/the environment is "production" but the namespace is marked not production/);
    await expect(notProduction.first()).toBeVisible();
    await expect(summary.getByRole("link", { name: /the environment is "production"/ })).toHaveAttribute("href", "#isProduction");
    await page.getByRole("radio", { name: "Production", exact: true }).check();
    await expect(notProduction).toHaveCount(0);
    await page.getByLabel("Review after").fill("2020-01-01");
    await expect(page.getByText(/the review-after date is in the past: choose \d{4}-\d{2}-\d{2} or later/).first()).toBeVisible();
    await expectNoViolations(page, "namespace form with refused combinations");
  });

  test("answers survive a refresh until discarded", async ({ page }) => {
    const team = uniqueName("draft-team");
    const name = uniqueName("draft");
    await signInAsNewUser(page, [team], "/requests/new");
    await page.getByLabel("Namespace name").fill(name);
    await page.getByLabel("Application").fill("Drafted application");
    await page.reload();
    await expect(page.getByLabel("Namespace name")).toHaveValue(name);
    await expect(page.getByLabel("Application")).toHaveValue("Drafted application");
    await expect(page.getByText("Your unsent answers from this browser session are back.")).toBeVisible();
    await expectNoViolations(page, "namespace form with a restored draft");
    await page.getByRole("button", { name: "Discard answers" }).click();
    await expect(page.getByLabel("Namespace name")).toHaveValue("");
    await page.reload();
    await expect(page.getByLabel("Application")).toHaveValue("");
  });

  test("on a wide screen the checks and files sit beside the form, not below it", async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await signInAsNewUser(page, [uniqueName("wide-team")], "/requests/new");
    await page.getByLabel("Namespace name").fill(uniqueName("wide"));
    const form = await page.getByRole("group", { name: "The namespace" }).boundingBox();
    const checks = await page.getByRole("region", { name: "The repository's checks" }).boundingBox();
    expect(checks!.x).toBeGreaterThanOrEqual(form!.x + form!.width);
    expect(checks!.y).toBeLessThan(form!.y + form!.height);
    await expectNoViolations(page, "namespace form on a wide screen");
  });
});

test.describe("the resource request form", () => {
  test("errors wait for a blur or a submit; Add and Remove move focus and are announced", async ({ page }) => {
    test.setTimeout(150_000);
    await openResourceForm(page, "timing");
    await addResource(page, "sns");
    await expect(page.getByRole("heading", { name: "1. SNS topic" })).toBeFocused();
    await expect(page.getByTestId("resource-announcement")).toHaveText("Added SNS topic as resource 1.");
    // Nothing typed yet: no field is marked wrong.
    await expect(page.getByText("enter a resource name")).toHaveCount(0);
    await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "false");
    await expectNoViolations(page, "resource form with a new, untouched entry");
    await page.getByLabel("Name", { exact: true }).focus();
    await page.getByLabel("Name", { exact: true }).blur();
    await expect(page.getByText("enter a resource name")).toBeVisible();

    await page.getByRole("button", { name: "Submit the request" }).click();
    const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
    await expect(summary).toBeFocused();
    await expectNoViolations(page, "resource form after a failed submit");
    await summary.getByRole("link", { name: /Resource 1: enter the topic's display name/ }).click();
    await expect(page.getByLabel("Display name")).toBeFocused();
    await page.getByLabel("Display name").fill("Orders events");
    await expect(summary.getByRole("link", { name: /display name/ })).toHaveCount(0);

    await addResource(page, "sqs");
    await expect(page.getByRole("heading", { name: "2. SQS queue" })).toBeFocused();
    await page.getByRole("button", { name: "Remove sqs queue" }).click();
    await expect(page.getByRole("heading", { name: "1. SNS topic" })).toBeFocused();
    await expect(page.getByTestId("resource-announcement")).toHaveText("Removed SQS queue. 1 resource in the request.");
    await page.getByRole("button", { name: "Remove sns topic" }).click();
    await expect(page.getByLabel("Resource to add")).toBeFocused();
    await expect(page.getByTestId("resource-announcement")).toHaveText("Removed SNS topic. 0 resources in the request.");
    await expectNoViolations(page, "resource form after removing every entry");
  });

  test("a private S3 bucket can be requested, and the reviewer approves it from a page that shows the forecast above the buttons", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const ns = await openResourceForm(page, "bucket");
    await addResource(page, "s3");
    await page.getByLabel("Name", { exact: true }).fill("uploads");
    await expect(page.getByRole("region", { name: "Files the pull request changes" })).toContainText("uploads.tf (new)");
    await page.getByRole("button", { name: "Submit the request" }).click();
    await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/);
    const requestPath = new URL(page.url()).pathname;
    const branch = repo("for-each-ref", "--format=%(refname:short)", `refs/heads/berth/resources-${ns}-*`);
    expect(repo("show", `${branch}:namespaces/live.cloud-platform.service.justice.gov.uk/${ns}/resources/uploads.tf`)).toContain(
      "cloud-platform-terraform-s3-bucket",
    );

    const context = await browser.newContext();
    const reviewer = await context.newPage();
    await signInWithGitHub(reviewer, await createGitHubUser(["webops"], { prefix: "reviewer" }), "/reviews");
    const row = reviewer.getByRole("row", { name: new RegExp(`Resources for ${ns}`) });
    await expect(row.getByTestId("review-forecast")).toContainText("Needs an approval from @ministryofjustice/WebOps");
    await row.getByRole("link", { name: `Resources for ${ns}` }).click();
    await expect(reviewer).toHaveURL(new RegExp(`${requestPath}$`));
    const approve = reviewer.getByRole("button", { name: "Approve" });
    const changes = reviewer.getByRole("button", { name: "Request changes" });
    await expect(approve).toHaveAttribute("data-weight", "primary");
    await expect(changes).toHaveAttribute("data-weight", "secondary");
    await expect(approve).not.toHaveCSS("background-color", await changes.evaluate((b) => getComputedStyle(b).backgroundColor));
    const forecast = await reviewer.getByRole("region", { name: "Review forecast" }).boundingBox();
    expect(forecast!.y).toBeLessThan((await approve.boundingBox())!.y);
    await expectNoViolations(reviewer, "request page a reviewer approves from");
    await context.close();
  });

  test("IRSA offers only what the catalogue says gives a policy: ECR yes, a service account no", async ({ page }) => {
    test.setTimeout(120_000);
    await openResourceForm(page, "irsa-list", {
      "resources/images.tf": moduleBlock("images", "ecr-credentials", "8.0.2"),
      "resources/ci.tf": moduleBlock("ci", "serviceaccount", "1.2.0"),
    });
    await addResource(page, "sqs");
    await page.getByLabel("Name", { exact: true }).fill("jobs");
    await addResource(page, "serviceaccount");
    await page.getByRole("group", { name: /^2\. / }).getByLabel("Name", { exact: true }).fill("deployer");
    await addResource(page, "irsa");
    const irsa = page.getByRole("group", { name: /^3\. / });
    for (const offered of ["rds", "images", "jobs"]) await expect(irsa.getByRole("checkbox", { name: offered })).toBeVisible();
    for (const refused of ["ci", "deployer"]) await expect(irsa.getByRole("checkbox", { name: refused })).toHaveCount(0);
    await irsa.getByLabel("Name", { exact: true }).fill("app_irsa");
    await irsa.getByLabel("Service account name").fill("app");
    await irsa.getByRole("checkbox", { name: "images" }).check();
    await irsa.getByRole("checkbox", { name: "jobs" }).check();
    // The server takes what the form offers.
    await expect(page.getByRole("region", { name: "Files the pull request changes" })).toContainText("app_irsa.tf (new)");
    await expect(page.getByText(/has no IRSA policy/)).toHaveCount(0);
    await expectNoViolations(page, "resource form with an IRSA role");
  });

  test("an upgrade pre-fills the catalogue's version and warns of a new major version; answers survive a refresh", async ({ page }) => {
    test.setTimeout(120_000);
    await openResourceForm(page, "upgrade");
    await addResource(page, "upgrade");
    await page.getByLabel("Module block").selectOption("rds");
    await expect(page.getByLabel("Version")).toHaveValue("9.2.0");
    const warning = page.getByTestId("major-bump-warning");
    await expect(warning).toContainText("8.0.0 to 9.2.0 is a new major version of rds-instance");
    await expect(page.getByLabel("Version")).toHaveAttribute("aria-describedby", /r0-version-note/);
    await expect(page.getByRole("region", { name: "Review forecast" }).getByRole("list", { name: "Review flags" })).toContainText("Major version bump");
    await expectNoViolations(page, "resource form with a major upgrade");
    await page.reload();
    await expect(page.getByLabel("Module block")).toHaveValue("rds");
    await expect(page.getByLabel("Version")).toHaveValue("9.2.0");
    await page.getByRole("button", { name: "Discard answers" }).click();
    await expect(page.getByLabel("Module block")).toHaveCount(0);
  });
});
