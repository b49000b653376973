import { execFileSync } from "node:child_process";
import { Octokit } from "@octokit/rest";
import { expect, test, type Page } from "@playwright/test";
import { cloudPlatformNamespace } from "@/lib/environments/testing/cloud-platform-namespace";
import { uniqueName } from "./fixtures/environments-repo";
import {
  expectConflict,
  expectEditAloneOnMain,
  expectNoViolations,
  expectReapplied,
  namespaceFile,
  renameApplication,
  submitSlackEdit,
} from "./fixtures/edit-conflict";
import { ENVIRONMENTS_REPO, FAKE_GITHUB_URL, ORG, UPSTREAM_REPO } from "./fixtures/servers";
import { createGitHubUser, github, signInWithGitHub } from "./fixtures/sign-in";

/**
 * An edit request whose pull request stops merging, with the GitHub provider
 * (the fake GitHub): nobody acts in Berth; the poller reads the pull request
 * after main moves, finds it no longer merges, and Berth re-applies the edit
 * onto main on the same branch by itself, or moves the request to conflict
 * with what to do.
 */

const upstream = (...args: string[]) => execFileSync("git", ["-C", UPSTREAM_REPO, ...args], { encoding: "utf8" }).trim();
const repo = { owner: ORG, repo: ENVIRONMENTS_REPO };

/** Someone outside Berth (a merged pull request, as far as Berth can tell) commits to main through GitHub's git data API; its push reaches Berth. */
async function commitOnMain(files: Record<string, (text: string | null) => string | null>): Promise<string> {
  const login = uniqueName("maintainer");
  await github.putUser({ login, teams: [], orgMember: true });
  const octokit = new Octokit({ auth: await github.token(login, ["repo"]), baseUrl: `${FAKE_GITHUB_URL}/api/v3` });
  // Other specs merge meanwhile: a main that moved under this commit is read again.
  for (let attempt = 0; ; attempt++) {
    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: "heads/main" });
    const { data: head } = await octokit.rest.git.getCommit({ ...repo, commit_sha: ref.object.sha });
    const read = (path: string) => {
      try {
        return execFileSync("git", ["-C", UPSTREAM_REPO, "show", `${head.sha}:${path}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      } catch {
        return null;
      }
    };
    const tree = Object.entries(files).map(([path, change]) => {
      const content = change(read(path));
      return content === null
        ? { path, mode: "100644" as const, type: "blob" as const, sha: null }
        : { path, mode: "100644" as const, type: "blob" as const, content };
    });
    const { data: written } = await octokit.rest.git.createTree({ ...repo, base_tree: head.tree.sha, tree });
    const { data: commit } = await octokit.rest.git.createCommit({ ...repo, message: "Outside Berth", tree: written.sha, parents: [head.sha] });
    try {
      await octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha: commit.sha });
      return commit.sha;
    } catch (error) {
      if (attempt >= 5 || (error as { status?: number }).status !== 422) throw error;
    }
  }
}

/** A namespace of its own on main, owned by a new team whose member is signed in on `page`. */
async function ownNamespace(page: Page, prefix: string): Promise<string> {
  const team = uniqueName(`${prefix}-team`);
  const ns = uniqueName(prefix);
  const folder = namespaceFile(ns).replace(/\/00-namespace\.yaml$/, "");
  const files = cloudPlatformNamespace(ns, { teams: [team] });
  await commitOnMain(Object.fromEntries(Object.entries(files).map(([name, content]) => [`${folder}/${name}`, () => content])));
  await signInWithGitHub(page, await createGitHubUser([team]));
  return ns;
}

/**
 * Reloads the request page until it shows what `check` expects: Berth acts on its poller's second round after main
 * moves (rounds at least 30 s apart; a main that other specs move again meanwhile asks GitHub to compute once more).
 */
async function awaitPoller(page: Page, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 200_000, intervals: [2_000] });
}

test("main changes the neighbouring line: the poller finds the pull request no longer merges, and Berth re-applies the edit onto main on the same branch", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const ns = await ownNamespace(page, "rebase-gh");
  await submitSlackEdit(page, ns);
  const number = Number((await page.getByRole("link", { name: /^Pull request #\d+$/ }).innerText()).replace(/\D/g, ""));
  const before = await readPull(number);

  const main = await commitOnMain({ [namespaceFile(ns)]: (text) => renameApplication(text!) });
  await awaitPoller(page, () => expectReapplied(page, ns));
  await expectNoViolations(page, "re-applied edit request");

  // The same pull request and branch, its head a merge of main holding the edit alone.
  const after = await readPull(number);
  expect(after.ref).toBe(before.ref);
  expectEditAloneOnMain(upstream, ns, { submitted: before.sha, now: after.sha, main });
});

test("main removes the Namespace document the edit changes: the poller finds the conflict, and the request shows it with what to do", async ({ page }) => {
  test.setTimeout(300_000);
  const ns = await ownNamespace(page, "rebase-gone-gh");
  await submitSlackEdit(page, ns);
  const number = Number((await page.getByRole("link", { name: /^Pull request #\d+$/ }).innerText()).replace(/\D/g, ""));
  const before = await readPull(number);

  await commitOnMain({ [namespaceFile(ns)]: () => null });
  await awaitPoller(page, () => expectConflict(page));
  await expectNoViolations(page, "edit request in conflict");
  await expect(page.getByRole("button", { name: "Withdraw the request" })).toBeVisible();
  expect((await readPull(number)).sha).toBe(before.sha);
});

/** The pull request's head branch and commit, as GitHub answers. */
async function readPull(number: number): Promise<{ ref: string; sha: string }> {
  const login = uniqueName("reader");
  await github.putUser({ login, teams: [], orgMember: true });
  const octokit = new Octokit({ auth: await github.token(login, ["repo"]), baseUrl: `${FAKE_GITHUB_URL}/api/v3` });
  const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
  return { ref: data.head.ref, sha: data.head.sha };
}
