import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { requestAnswers } from "./fixtures/requests";
import { signInAsNewUser } from "./fixtures/sign-in";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Each URL at desktop and phone widths. */
async function checkPages(page: Page, urls: string[]): Promise<void> {
  for (const url of urls) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await expectNoViolations(page, `${url} @${width}px`);
    }
  }
}

/** Signs in as the owner of a new namespace who is also a reviewer (who sees every kind of page), with one request submitted. */
async function ownerAndReviewer(page: Page) {
  const team = uniqueName("a11y-team");
  const ns = uniqueName("a11y-ns");
  await commitNamespace({ name: ns, team });
  await signInAsNewUser(page, [team, "webops"]);
  await expect.poll(async () => (await page.request.get(`/namespaces/live/${ns}`)).status(), { timeout: 20_000 }).toBe(200);
  const submitted = await page.request.post("/api/requests", {
    headers: { origin: new URL(page.url()).origin },
    data: requestAnswers(uniqueName("a11y-req"), team),
  });
  expect(submitted.status()).toBe(201);
  const requestUrl = ((await submitted.json()) as { url: string }).url;
  await page.goto("/namespaces?pageSize=5");
  const detail = (await page.locator("tbody th a").first().getAttribute("href"))!;
  await page.goto(detail);
  const file = (await page.getByRole("region", { name: "Files" }).getByRole("link").first().getAttribute("href"))!;
  return { ns, detail, file, requestUrl };
}

// Note: one test per group of pages, so the groups run in parallel and each has its own time limit (axe on a full table takes seconds).
test.describe("no axe violations", () => {
  test.describe.configure({ timeout: 300_000 });

  test("signed out: sign-in pages", async ({ page }) => {
    await checkPages(page, ["/signin", "/signin?error=OAuthCallback", "/signin/not-a-member"]);
  });

  test("the inventory", async ({ page }) => {
    await ownerAndReviewer(page);
    await checkPages(page, [
      "/",
      "/me",
      "/namespaces",
      "/namespaces?businessUnit=HMPPS&production=true&sort=reviewAfter&dir=desc",
      "/namespaces?q=nothing-matches-this",
      "/namespaces?status=live&sort=unhealthy&dir=desc",
      "/namespaces?flag=overdue&cluster=live-2",
      "/namespaces?module=rds-instance&below=9.2.0&missingTag=service-area",
    ]);
  });

  test("a namespace, its files, drift and cluster pages", async ({ page }) => {
    const { detail, file } = await ownerAndReviewer(page);
    await checkPages(page, [detail, file, "/drift", "/clusters/live", "/clusters/live-2", "/clusters/live/kube-system", "/no-such-page"]);
  });

  test("requests and reviews", async ({ page }) => {
    const { requestUrl } = await ownerAndReviewer(page);
    await checkPages(page, ["/requests", "/requests/new", requestUrl, "/reviews", "/reviews?flag=production"]);
  });

  test("the resource form, empty and with an entry and its live preview", async ({ page }) => {
    const { ns, detail } = await ownerAndReviewer(page);
    await checkPages(page, [`/namespaces/live/${ns}/resources/new`, `${detail}/resources/new`]);
    await page.goto(`/namespaces/live/${ns}/resources/new`);
    await page.getByRole("button", { name: "Add to the request" }).click();
    await page.getByLabel("Name").first().fill("a11y_db");
    await expect(page.getByRole("region", { name: "Files the pull request changes" })).toBeVisible();
    await expectNoViolations(page, "resource form");
  });
});
