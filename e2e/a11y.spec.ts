import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { commitNamespace, uniqueName } from "./fixtures/environments-repo";
import { requestAnswers } from "./fixtures/requests";
import { signInAsNewUser } from "./fixtures/sign-in";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

test("every page has no axe violations", async ({ page, browser }) => {
  // Some thirty page loads, each analysed by axe: longer than the default 30 s.
  test.setTimeout(240_000);
  // Signed out first: the sign-in page and the not-a-member page.
  const context = await browser.newContext();
  const anonymous = await context.newPage();
  for (const url of ["/signin", "/signin?error=OAuthCallback", "/signin/not-a-member"]) {
    await anonymous.goto(url);
    const { violations } = await new AxeBuilder({ page: anonymous }).withTags(TAGS).analyze();
    expect(violations.map((v) => `${url}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await context.close();

  // An owner of one namespace who is also a reviewer sees every kind of page.
  const team = uniqueName("a11y-team");
  const ns = uniqueName("a11y-ns");
  await commitNamespace({ name: ns, team });
  await signInAsNewUser(page, [team, "webops"]);
  await expect.poll(async () => (await page.request.get(`/namespaces/live/${ns}`)).status(), { timeout: 20_000 }).toBe(200);
  const submitted = await page.request.post("/api/requests", { headers: { origin: new URL(page.url()).origin }, data: requestAnswers(uniqueName("a11y-req"), team) });
  expect(submitted.status()).toBe(201);
  const requestUrl = ((await submitted.json()) as { url: string }).url;
  await page.goto("/namespaces?pageSize=5");
  const first = page.locator("tbody th a").first();
  const detail = await first.getAttribute("href");
  await page.goto(detail!);
  const file = await page.getByRole("region", { name: "Files" }).getByRole("link").first().getAttribute("href");

  const pages = [
    "/",
    "/me",
    "/namespaces",
    "/namespaces?businessUnit=HMPPS&production=true&sort=reviewAfter&dir=desc",
    "/namespaces?q=nothing-matches-this",
    detail!,
    file!,
    "/requests",
    "/requests/new",
    requestUrl,
    "/reviews",
    "/reviews?flag=production",
    `/namespaces/live/${ns}/resources/new`,
    `${detail!}/resources/new`,
    "/no-such-page",
  ];
  for (const url of pages) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(violations.map((v) => `${url} @${width}px: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  }

  // The resource form with an entry open, and its live preview.
  await page.goto(`/namespaces/live/${ns}/resources/new`);
  await page.getByRole("button", { name: "Add to the request" }).click();
  await page.getByLabel("Name").first().fill("a11y_db");
  await expect(page.getByRole("region", { name: "Files the pull request changes" })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `resource form: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
