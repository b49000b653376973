import AxeBuilder from "@axe-core/playwright";
import { Octokit } from "@octokit/rest";
import { expect, test } from "@playwright/test";
import { uniqueName } from "./fixtures/environments-repo";
import { FAKE_GITHUB_URL, ORG, PROTOTYPE_REPO } from "./fixtures/servers";
import { createGitHubUser, github, signInWithGitHub } from "./fixtures/sign-in";

test("a prototype site request on GitHub opens the namespace's pull request and, with consent, one in the prototype's repository, shown on the request page", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const team = uniqueName("protos");
  await signInWithGitHub(page, await createGitHubUser([team]), "/requests/new");

  await page.getByLabel("A prototype site (GOV.UK Prototype Kit)").check();
  await page.getByLabel("The prototype's GitHub repository").fill(PROTOTYPE_REPO);
  await page.getByLabel("Owning GitHub team").selectOption(team);
  await page.getByLabel("Business unit").selectOption("HMCTS");
  await page.getByLabel("Service area").fill("Courts");
  await page.getByLabel("Slack channel").fill("#court-proto");
  await page.getByLabel("Team display name").fill("Court prototypes");
  await page.getByLabel("Team email").fill("court-proto@example.gov.uk");
  await page.getByLabel(/Also open a pull request in the prototype's repository/).check();
  await expect(page.getByRole("region", { name: "Files the pull request adds" }).getByRole("listitem")).toHaveCount(11);
  await page.getByRole("button", { name: "Submit the request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f]{12}$/, { timeout: 30_000 });

  await expect(page.getByRole("link", { name: /^Pull request #\d+$/ })).toBeVisible();
  const deploy = page.getByRole("link", { name: new RegExp(`^Pull request #\\d+ in ${ORG}/${PROTOTYPE_REPO}$`) });
  await expect(deploy).toBeVisible();
  await expect(page.getByTestId("deploy-pr")).toContainText("open");
  const number = Number((await deploy.innerText()).match(/#(\d+)/)![1]);

  const reader = uniqueName("reader");
  await github.putUser({ login: reader, teams: [], orgMember: true });
  const octokit = new Octokit({ auth: await github.token(reader, ["repo"]), baseUrl: `${FAKE_GITHUB_URL}/api/v3` });
  const pull = (await octokit.rest.pulls.get({ owner: ORG, repo: PROTOTYPE_REPO, pull_number: number })).data;
  expect(await deploy.getAttribute("href")).toBe(pull.html_url);
  const files = (await octokit.rest.pulls.listFiles({ owner: ORG, repo: PROTOTYPE_REPO, pull_number: number })).data.map((f) => f.filename);
  expect(files).toEqual([".dockerignore", ".github/workflows/cd-main.yaml", "Dockerfile", "kubernetes-deploy-main.tpl", "start.sh"]);

  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});
