import { expect, test } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { createGitHubUser, github, signInWithGitHub } from "./fixtures/sign-in";
import { ORG } from "./fixtures/servers";

test("sign in with GitHub and out again", async ({ page }) => {
  const user = await createGitHubUser(["some-team"]);
  await page.goto("/namespaces?businessUnit=LAA");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fnamespaces%3FbusinessUnit%3DLAA/);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to GitHub (test double)" })).toBeVisible();
  await page.getByRole("button", { name: `Sign in as ${user.login}` }).click();
  await expect(page).toHaveURL(/\/namespaces\?businessUnit=LAA$/);
  await expect(page.getByRole("banner").getByRole("link", { name: user.login })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/me");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fme/);
  expect((await page.request.get("/api/namespaces")).status()).toBe(401);
});

test("someone outside the organisation is told so, and gets no session", async ({ page }) => {
  const outsider = await createGitHubUser([], { orgMember: false, prefix: "outsider" });
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: `Sign in as ${outsider.login}` }).click();
  await expect(page).toHaveURL(/\/signin\/not-a-member/);
  await expect(page.getByRole("heading", { name: `You are not a member of ${ORG}` })).toBeVisible();
  expect((await page.request.get("/api/namespaces")).status()).toBe(401);
});

test("a code GitHub rejects (bad_verification_code) shows a clear error", async ({ page }) => {
  const user = await createGitHubUser(["some-team"]);
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("button", { name: `Sign in as ${user.login}` })).toBeVisible();
  // Come back from GitHub with the real state but a code GitHub never issued.
  const redirectUri = await page.locator('input[name="redirect_uri"]').first().inputValue();
  const state = await page.locator('input[name="state"]').first().inputValue();
  await page.goto(`${redirectUri}?code=not-a-code-github-issued&state=${encodeURIComponent(state)}`);
  await expect(page.getByRole("alert").filter({ hasText: "GitHub did not accept the sign-in" })).toBeVisible();
  expect((await page.request.get("/api/namespaces")).status()).toBe(401);
});

test("the GitHub token never reaches the browser", async ({ page }) => {
  const user = await createGitHubUser(["some-team"]);
  await signInWithGitHub(page, user, "/me");
  const session = await (await page.request.get("/api/auth/session")).text();
  expect(JSON.parse(session)).toEqual({ expires: expect.any(String), user: { name: `Test ${user.login}`, login: user.login } });
  const everything = [session, await page.content(), JSON.stringify(await page.context().cookies())].join("\n");
  expect(everything).not.toMatch(/gh[opsu]_[A-Za-z0-9]/);
});

test("teams are refreshed on demand: a removed team stops granting ownership", async ({ page }) => {
  const team = uniqueName("refresh-team");
  const name = uniqueName("refresh-ns");
  await commitNamespace({ name, team });
  const user = await createGitHubUser([team]);
  await signInWithGitHub(page, user);
  await expect(async () => {
    await page.goto(`/namespaces/live/${name}`);
    await expect(page.getByText("Your team owns this namespace")).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });

  await github.setTeams(user.login, ["another-team"]);
  await page.goto("/me");
  await expect(page.getByRole("region", { name: "Your GitHub teams" })).toContainText(team);
  await page.getByRole("button", { name: "Refresh my teams from GitHub" }).click();
  await expect(page.getByRole("status")).toHaveText("Teams refreshed: 1 team.");
  await expect(page.getByRole("region", { name: "Your GitHub teams" })).toContainText("another-team");
  await expect(page.getByRole("region", { name: "Your GitHub teams" })).not.toContainText(team);
  await page.goto(`/namespaces/live/${name}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Your team owns this namespace")).toHaveCount(0);
});

test("someone removed from the organisation loses access at the next refresh", async ({ page }) => {
  const user = await createGitHubUser(["some-team"]);
  await signInWithGitHub(page, user, "/me");
  await github.setOrgMember(user.login, false);
  await page.getByRole("button", { name: "Refresh my teams from GitHub" }).click();
  await expect(page.getByRole("status")).toContainText("Your session has ended");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test.describe("what each role sees on a namespace", () => {
  const ownerTeam = uniqueName("owners");
  const name = uniqueName("roles-ns");
  test.beforeAll(async () => {
    await commitNamespace({ name, team: ownerTeam });
  });

  for (const [role, teams, owner, reviewer] of [
    ["an org member of no relevant team", ["unrelated-team"], false, false],
    ["an owner", [ownerTeam], true, false],
    ["the owner of another namespace", ["laa-crime-apply"], false, false],
    ["a platform reviewer", ["webops"], false, true],
  ] as const) {
    test(role, async ({ page }) => {
      await signInWithGitHub(page, await createGitHubUser([...teams]));
      await expect(async () => {
        await page.goto(`/namespaces/live/${name}`);
        await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 500 });
      }).toPass({ timeout: 20_000 });
      await expect(page.getByText("Your team owns this namespace")).toHaveCount(owner ? 1 : 0);
      await expect(page.getByText("Reviewer: full view")).toHaveCount(reviewer ? 1 : 0);
      await expect(page.getByRole("banner").getByText("reviewer", { exact: true })).toHaveCount(reviewer ? 1 : 0);
      await page.goto("/namespaces?mine=true");
      await expect(page.getByRole("rowheader", { name })).toHaveCount(owner ? 1 : 0);
    });
  }
});
