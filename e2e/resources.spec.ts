import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { E2E_REPO } from "./fixtures/paths";
import { createGitHubUser, signInWithGitHub } from "./fixtures/sign-in";

const repo = (...args: string[]) => execFileSync("git", ["-C", E2E_REPO, ...args], { encoding: "utf8" }).trim();

async function openWhenIndexed(page: Page, url: string): Promise<void> {
  await expect(async () => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
  }).toPass({ timeout: 20_000 });
}

test("an owner requests an RDS database and an IRSA role in one pull request; a reviewer approves it from the queue", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const team = uniqueName("orders-team");
  const ns = uniqueName("orders");
  await commitNamespace({ name: ns, team });
  await signInWithGitHub(page, await createGitHubUser([team]));
  await openWhenIndexed(page, `/namespaces/live/${ns}`);
  await page.getByRole("link", { name: "Request AWS resources" }).click();

  await page.getByLabel("Resource to add").selectOption("rds");
  await page.getByRole("button", { name: "Add to the request" }).click();
  await page.getByLabel("Name").first().fill("orders_db");
  await page.getByLabel("Resource to add").selectOption("irsa");
  await page.getByRole("button", { name: "Add to the request" }).click();
  const irsa = page.getByRole("group", { name: /2\. / });
  await irsa.getByLabel("Name", { exact: true }).fill("orders_irsa");
  await irsa.getByLabel("Service account name").fill("orders");
  await irsa.getByRole("checkbox", { name: "orders_db" }).check();

  const files = page.getByRole("region", { name: "Files the pull request changes" });
  const folder = `namespaces/live.cloud-platform.service.justice.gov.uk/${ns}/resources`;
  await expect(files.getByText(`${folder}/orders_db.tf (new)`)).toBeVisible();
  await expect(files.getByText(`${folder}/orders_irsa.tf (new)`)).toBeVisible();
  await expect(files.getByText(`${folder}/variables.tf (changed)`)).toBeVisible();
  // role_policy_arns is not IAM text to the repository's IAM check: the forecast says so by not flagging it.
  const forecast = page.getByRole("region", { name: "Review forecast" });
  await expect(forecast).toContainText("Needs an approval from @ministryofjustice/WebOps");
  await expect(forecast.getByRole("list", { name: "Review flags" })).toHaveCount(0);
  await page.getByRole("button", { name: "Submit the request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/);
  const requestPath = new URL(page.url()).pathname;
  await expect(page.getByText("Pull request open").first()).toBeVisible();

  // The branch holds one commit with the two new files, each a pinned module block, and the variables the
  // namespace lacked (this hand-written one declares only namespace and team_name) added to its variables.tf.
  const branch = repo("for-each-ref", "--format=%(refname:short)", `refs/heads/berth/resources-${ns}-*`);
  expect(repo("rev-list", "--count", `main..${branch}`)).toBe("1");
  expect(repo("diff", "--name-only", `main...${branch}`).split("\n")).toEqual([`${folder}/orders_db.tf`, `${folder}/orders_irsa.tf`, `${folder}/variables.tf`]);
  const variables = repo("show", `${branch}:${folder}/variables.tf`);
  expect(variables.startsWith(repo("show", `main:${folder}/variables.tf`))).toBe(true);
  expect(variables).toContain('variable "eks_cluster_name"');
  const db = repo("show", `${branch}:${folder}/orders_db.tf`);
  expect(db).toContain('module "orders_db"');
  expect(db).toContain("cloud-platform-terraform-rds-instance?ref=9.2.0");
  const role = repo("show", `${branch}:${folder}/orders_irsa.tf`);
  expect(role).toContain("cloud-platform-terraform-irsa?ref=2.1.0");
  expect(role).toContain("eks_cluster_name = var.eks_cluster_name");
  expect(role).toMatch(/orders_db\s*=\s*module\.orders_db\.irsa_policy_arn/);

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInWithGitHub(reviewer, await createGitHubUser(["webops"], { prefix: "reviewer" }), "/reviews");
  await expect(reviewer.getByRole("link", { name: /^Reviews \(\d+\)$/ })).toBeVisible();
  const row = reviewer.getByRole("row", { name: new RegExp(`Resources for ${ns}`) });
  await expect(row).toContainText("Needs an approval from @ministryofjustice/WebOps");
  await expect(row).not.toContainText("IAM change");
  await row.getByRole("link", { name: `Resources for ${ns}` }).click();
  await expect(reviewer).toHaveURL(new RegExp(`${requestPath}$`));
  await expect(reviewer.getByRole("region", { name: "The repository's checks" })).toContainText("Pass");
  await expect(reviewer.getByRole("region", { name: "Files in the pull request" })).toContainText(`${folder}/orders_irsa.tf (new)`);
  await reviewer.getByLabel("Review comment").fill("Looks right");
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByText("Approved").first()).toBeVisible();
  await expect(reviewer.getByRole("region", { name: "Timeline" })).toContainText("Approved: Looks right");
  await reviewerContext.close();
});

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a change the IAM check matches: the forecast asks for an IAM review on the form, the request page and the queue", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const team = uniqueName("iam-team");
  const ns = uniqueName("iam");
  // A hand-written IRSA file whose source line notes the inline policy it attaches: upgrading the
  // module rewrites that line, and the repository's IAM check matches the diff's text (aws_iam), as it would on GitHub.
  const irsa = `module "app_irsa" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-irsa?ref=2.0.0" # with aws_iam_policy.extra
  eks_cluster_name     = var.eks_cluster_name
  service_account_name = "app"
  role_policy_arns     = { extra = aws_iam_policy.extra.arn }
}
`;
  await commitNamespace({ name: ns, team, files: { "resources/irsa.tf": irsa } });
  await signInWithGitHub(page, await createGitHubUser([team]));
  await openWhenIndexed(page, `/namespaces/live/${ns}/resources/new`);

  await page.getByLabel("Resource to add").selectOption("upgrade");
  await page.getByRole("button", { name: "Add to the request" }).click();
  await page.getByLabel("Module block").selectOption("app_irsa");
  await page.getByLabel("Version").fill("2.1.0");
  const forecast = page.getByRole("region", { name: "Review forecast" });
  await expect(forecast.getByRole("list", { name: "Review flags" })).toContainText("IAM change");
  await expect(forecast).toContainText("iam-role-policy-changes-check: resources/irsa.tf");
  await expect(forecast).toContainText("Needs an approval from @ministryofjustice/WebOps");
  await expectNoViolations(page, "resource form with an IAM forecast");

  await page.getByRole("button", { name: "Submit the request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/);
  const requestPath = new URL(page.url()).pathname;
  const stored = page.getByRole("region", { name: "Review forecast" });
  await expect(stored.getByRole("list", { name: "Review flags" })).toContainText("IAM change");
  await expect(stored).toContainText("iam-role-policy-changes-check: resources/irsa.tf");
  await expectNoViolations(page, "request page with an IAM forecast");

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInWithGitHub(reviewer, await createGitHubUser(["webops"], { prefix: "reviewer" }), "/reviews?flag=iam");
  const row = reviewer.getByRole("row", { name: new RegExp(`Resources for ${ns}`) });
  await expect(row).toContainText("IAM change");
  await expect(row).toContainText("iam-role-policy-changes-check: resources/irsa.tf");
  await expectNoViolations(reviewer, "review queue with an IAM forecast");
  await row.getByRole("link", { name: `Resources for ${ns}` }).click();
  await expect(reviewer).toHaveURL(new RegExp(`${requestPath}$`));
  await expect(reviewer.getByRole("region", { name: "Review forecast" })).toContainText("IAM change");
  await reviewerContext.close();
});

test("someone who does not own a namespace cannot request resources for it", async ({ page }) => {
  const ns = uniqueName("not-mine");
  await commitNamespace({ name: ns, team: uniqueName("owners") });
  await signInWithGitHub(page, await createGitHubUser(["unrelated-team"]));
  await openWhenIndexed(page, `/namespaces/live/${ns}`);
  await expect(page.getByRole("link", { name: "Request AWS resources" })).toHaveCount(0);
  expect((await page.goto(`/namespaces/live/${ns}/resources/new`))?.status()).toBe(403);
  const response = await page.request.post(`/api/namespaces/live/${ns}/resources`, {
    headers: { origin: new URL(page.url()).origin },
    data: { resources: [{ kind: "sqs", name: "stolen_queue" }] },
  });
  expect(response.status()).toBe(403);
  expect(repo("for-each-ref", `refs/heads/berth/resources-${ns}-*`)).toBe("");
});
