import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { commitFileChange, commitNamespace, uniqueName } from "./fixtures/environments-repo";
import {
  CHANNEL,
  expectConflict,
  expectEditAloneOnMain,
  expectNoViolations,
  expectReapplied,
  namespaceFile,
  renameApplication,
  stateOf,
  submitSlackEdit,
} from "./fixtures/edit-conflict";
import { E2E_REPO } from "./fixtures/paths";
import { createGitHubUser, signInWithGitHub } from "./fixtures/sign-in";

/**
 * An edit request whose branch stops merging, with the local provider
 * (branches in the environments repository, merged in Berth): the reviewer's
 * merge finds the conflict, and Berth re-applies the edit onto main by
 * itself, or moves the request to conflict with what to do.
 */

const repo = (...args: string[]) => execFileSync("git", ["-C", E2E_REPO, ...args], { encoding: "utf8" }).trim();

/** A namespace of its own, owned by a new team whose member is signed in on `page`. */
async function ownNamespace(page: Page, prefix: string): Promise<string> {
  const team = uniqueName(`${prefix}-team`);
  const ns = uniqueName(prefix);
  await commitNamespace({ name: ns, team });
  await signInWithGitHub(page, await createGitHubUser([team]));
  return ns;
}

/** A platform reviewer approves the request and tries to merge it; the page, and what the merge answered. */
async function approveAndMerge(browser: Browser, path: string): Promise<{ reviewer: Page; answer: string }> {
  const reviewer = await (await browser.newContext()).newPage();
  await signInWithGitHub(reviewer, await createGitHubUser(["webops"], { prefix: "reviewer" }), path);
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(stateOf(reviewer)).toHaveText("Approved");
  const merged = reviewer.waitForResponse((r) => r.url().endsWith(`/api${path}/review`) && r.request().method() === "POST");
  await reviewer.getByRole("button", { name: "Merge" }).click();
  return { reviewer, answer: await (await merged).text() };
}

test("main changes the neighbouring line: the merge finds the conflict, Berth re-applies the edit onto main, and it merges after a second review", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const ns = await ownNamespace(page, "rebase-local");
  const path = await submitSlackEdit(page, ns);
  const branch = repo("for-each-ref", "--format=%(refname:short)", `refs/heads/berth/edit-metadata-${ns}-*`);
  const submitted = repo("rev-parse", branch);
  await commitFileChange(namespaceFile(ns), renameApplication);
  const main = repo("rev-parse", "main");

  const { reviewer, answer } = await approveAndMerge(browser, path);
  expect(answer).toContain("re-applied the edit onto the base branch as a new revision");
  await expect(reviewer.getByRole("status").filter({ hasText: "re-applied the edit" })).toBeVisible();
  await reviewer.reload();
  await expectReapplied(reviewer, ns);
  await expectNoViolations(reviewer, "re-applied edit request");

  // The same branch, its head a merge of main holding the edit alone.
  expectEditAloneOnMain(repo, ns, { submitted, now: repo("rev-parse", branch), main });

  // Reviewed again, it merges, and main holds both changes.
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(stateOf(reviewer)).toHaveText("Approved");
  await reviewer.getByRole("button", { name: "Merge" }).click();
  await expect(stateOf(reviewer)).toHaveText("Merged", { timeout: 30_000 });
  const merged = repo("show", `main:${namespaceFile(ns)}`);
  expect(merged).toContain(`slack-channel: "${CHANNEL}"`);
  expect(merged).toContain('application: "Renamed on main"');
  await reviewer.context().close();
});

test("main removes the Namespace document the edit changes: the request goes to conflict with what to do, and its branch is left alone", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const ns = await ownNamespace(page, "rebase-gone-local");
  const path = await submitSlackEdit(page, ns);
  const branch = repo("for-each-ref", "--format=%(refname:short)", `refs/heads/berth/edit-metadata-${ns}-*`);
  const submitted = repo("rev-parse", branch);
  await commitFileChange(namespaceFile(ns), () => null);

  const { reviewer, answer } = await approveAndMerge(browser, path);
  expect(answer).toContain("The edit no longer applies to main");
  await reviewer.reload();
  await expectConflict(reviewer);
  await expectNoViolations(reviewer, "edit request in conflict");
  expect(repo("rev-parse", branch)).toBe(submitted);

  // Its requester sees the same, and may withdraw it.
  await page.reload();
  await expectConflict(page);
  await expect(page.getByRole("button", { name: "Withdraw the request" })).toBeVisible();
  await reviewer.context().close();
});
