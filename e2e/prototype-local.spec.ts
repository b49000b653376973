import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { uniqueName } from "./fixtures/environments-repo";
import { createGitHubUser, signInWithGitHub } from "./fixtures/sign-in";

const TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];
const axe = async (page: import("@playwright/test").Page) => (await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => v.id);

test("a prototype site request writes the namespace with its ECR, service account and basic-auth Secret; with the local provider its page shows the deployment files to copy", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const team = uniqueName("protos");
  const repository = uniqueName("visits-proto");
  await signInWithGitHub(page, await createGitHubUser([team]), "/requests/new");

  await page.getByLabel("A prototype site (GOV.UK Prototype Kit)").check();
  const field = page.getByLabel("The prototype's GitHub repository");
  await field.fill("Visits_Prototype");
  await expect(page.getByText(/must be a GitHub repository name of lower-case letters/).first()).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  expect(await axe(page)).toEqual([]);

  await field.fill(repository);
  await expect(page.getByLabel("Application")).toHaveValue("Gov.UK Prototype Kit");
  await expect(page.getByLabel("Source code URL")).toHaveValue(`https://github.com/ministryofjustice/${repository}`);
  await page.getByLabel("Owning GitHub team").selectOption(team);
  await page.getByLabel("Business unit").selectOption("HMPPS");
  await page.getByLabel("Service area").fill("Prisons");
  await page.getByLabel("Slack channel").fill("#visits-proto");
  await page.getByLabel("Team display name").fill("Visits prototypes");
  await page.getByLabel("Team email").fill("visits-proto@example.gov.uk");
  await page.getByLabel(/Also open a pull request in the prototype's repository/).check();

  const files = page.getByRole("region", { name: "Files the pull request adds" });
  await expect(files.getByRole("listitem")).toHaveCount(11);
  for (const file of ["basic-auth.tf", "ecr.tf", "serviceaccount.tf"]) {
    await expect(files.getByText(`namespaces/live.cloud-platform.service.justice.gov.uk/${repository}/resources/${file}`)).toBeVisible();
  }
  const policy = page.getByRole("region", { name: "The repository's checks" });
  await expect(policy.getByText("Pass").first()).toBeVisible();
  await expect(policy.getByText("Fail")).toHaveCount(0);
  expect(await axe(page)).toEqual([]);

  await page.getByRole("button", { name: "Submit the request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: `Prototype site ${repository}` })).toBeVisible();
  const site = page.getByRole("region", { name: "Prototype site" });
  await expect(site.getByTestId("deploy-pr")).toContainText("This Berth opens pull requests only in the environments repository");
  await expect(site).toContainText(`kubectl -n ${repository} get secret basic-auth`);
  await expect(site.getByText(".github/workflows/cd-main.yaml")).toBeVisible();
  await expect(site.getByLabel("Contents of .github/workflows/cd-main.yaml")).toContainText("role-to-assume: ${{ secrets.ECR_ROLE_TO_ASSUME }}");
  await expect(page.getByRole("region", { name: "Files in the pull request" })).toContainText(`${repository}/resources/basic-auth.tf`);
  expect(await axe(page)).toEqual([]);
});
