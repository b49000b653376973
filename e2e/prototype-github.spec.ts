import AxeBuilder from "@axe-core/playwright";
import { Octokit } from "@octokit/rest";
import { expect, test, type Page } from "@playwright/test";
import { uniqueName } from "./fixtures/environments-repo";
import { FAKE_GITHUB_URL, ORG, PROTOTYPE_REPO, WITHDRAWN_PROTOTYPE_REPO } from "./fixtures/servers";
import { createGitHubUser, github, signInWithGitHub } from "./fixtures/sign-in";

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
}

/** Someone of the organisation reading (and merging in) the fake GitHub with their own token. */
async function octokitAs(login: string): Promise<Octokit> {
  await github.putUser({ login, teams: [], orgMember: true });
  return new Octokit({ auth: await github.token(login, ["repo"]), baseUrl: `${FAKE_GITHUB_URL}/api/v3` });
}

/** Submits a prototype site's request for `repository` with consent to the deployment pull request; returns its number there. */
async function requestPrototype(page: Page, repository: string, team: string): Promise<number> {
  await page.getByLabel("A prototype site (GOV.UK Prototype Kit)").check();
  await page.getByLabel("The prototype's GitHub repository").fill(repository);
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
  const deploy = page.getByRole("link", { name: new RegExp(`^Pull request #\\d+ in ${ORG}/${repository}$`) });
  await expect(deploy).toBeVisible();
  await expect(page.getByTestId("deploy-pr")).toContainText("adds the deployment files: open");
  return Number((await deploy.innerText()).match(/#(\d+)/)![1]);
}

test("a prototype site request on GitHub opens the namespace's pull request and, with consent, one in the prototype's repository, shown on the request page until merged", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const team = uniqueName("protos");
  await signInWithGitHub(page, await createGitHubUser([team]), "/requests/new");
  const number = await requestPrototype(page, PROTOTYPE_REPO, team);
  const deploy = page.getByRole("link", { name: new RegExp(`^Pull request #\\d+ in ${ORG}/${PROTOTYPE_REPO}$`) });

  const octokit = await octokitAs(uniqueName("reader"));
  const pull = (await octokit.rest.pulls.get({ owner: ORG, repo: PROTOTYPE_REPO, pull_number: number })).data;
  expect(await deploy.getAttribute("href")).toBe(pull.html_url);
  const files = (await octokit.rest.pulls.listFiles({ owner: ORG, repo: PROTOTYPE_REPO, pull_number: number })).data.map((f) => f.filename);
  expect(files).toEqual([".dockerignore", ".github/workflows/cd-main.yaml", "Dockerfile", "kubernetes-deploy-main.tpl", "start.sh"]);
  await expectNoAxeViolations(page);

  // Merged on GitHub: the prototype's repository sends this Berth no webhook, so "Refresh from GitHub" reads it (at most
  // every 30 s per pull request: the poller may have read it just before the merge) and the page says so.
  await octokit.rest.pulls.merge({ owner: ORG, repo: PROTOTYPE_REPO, pull_number: number });
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh from GitHub" }).click();
    await expect(page.getByTestId("deploy-pr")).toContainText("adds the deployment files: merged", { timeout: 3_000 });
  }).toPass({ timeout: 60_000, intervals: [5_000] });
  await expect(page.getByTestId("deploy-pr")).toContainText("The deployment files are on the repository's main branch.");
  await expectNoAxeViolations(page);
});

test("withdrawing a prototype site request closes the pull request in the prototype's repository too, with a comment saying why, or says why it could not", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const team = uniqueName("protos-gone");
  const user = await createGitHubUser([team]);
  await signInWithGitHub(page, user, "/requests/new");
  const number = await requestPrototype(page, WITHDRAWN_PROTOTYPE_REPO, team);

  await page.getByRole("button", { name: "Withdraw the request" }).click();
  await expect(page.getByText("Closed").first()).toBeVisible();
  await expect(page.getByTestId("deploy-pr")).toContainText("adds the deployment files: closed without merging");
  await expect(page.getByTestId("deploy-pr-close-failure")).toHaveCount(0);
  await expectNoAxeViolations(page);

  const octokit = await octokitAs(uniqueName("reader"));
  expect((await octokit.rest.pulls.get({ owner: ORG, repo: WITHDRAWN_PROTOTYPE_REPO, pull_number: number })).data).toMatchObject({
    state: "closed",
    merged: false,
  });
  const comments = (await octokit.rest.issues.listComments({ owner: ORG, repo: WITHDRAWN_PROTOTYPE_REPO, issue_number: number })).data.map((c) => c.body);
  expect(comments).toEqual([
    expect.stringMatching(new RegExp(`^Withdrawn in Berth by ${user.login}\\.\\n\\nThe namespace request this pull request came with`)),
  ]);

  // The name is free again. This time GitHub refuses to close the new deployment pull request: the request is still
  // withdrawn (no error page), and its page says the pull request is still open and why.
  await page.goto("/requests/new");
  const again = await requestPrototype(page, WITHDRAWN_PROTOTYPE_REPO, team);
  await github.failNext({ method: "PATCH", pathPattern: `/repos/${ORG}/${WITHDRAWN_PROTOTYPE_REPO}/pulls/${again}$`, status: 422 });
  await page.getByRole("button", { name: "Withdraw the request" }).click();
  await expect(page.getByText("Closed").first()).toBeVisible();
  await expect(page.getByTestId("deploy-pr")).toContainText("adds the deployment files: open");
  await expect(page.getByTestId("deploy-pr-close-failure")).toContainText("GitHub answered 422");
  await expectNoAxeViolations(page);
  expect((await octokit.rest.pulls.get({ owner: ORG, repo: WITHDRAWN_PROTOTYPE_REPO, pull_number: again })).data.state).toBe("open");
});
