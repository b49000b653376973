import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAsNewUser } from "./fixtures/sign-in";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

test("every page has no axe violations", async ({ page, browser }) => {
  // Nineteen page loads, each analysed by axe: longer than the default 30 s.
  test.setTimeout(120_000);
  // Signed out first: the sign-in page and the not-a-member page.
  const context = await browser.newContext();
  const anonymous = await context.newPage();
  for (const url of ["/signin", "/signin?error=OAuthCallback", "/signin/not-a-member"]) {
    await anonymous.goto(url);
    const { violations } = await new AxeBuilder({ page: anonymous }).withTags(TAGS).analyze();
    expect(violations.map((v) => `${url}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await context.close();

  await signInAsNewUser(page, ["webops"]);
  await page.goto("/namespaces?pageSize=5");
  const first = page.locator("tbody th a").first();
  const detail = await first.getAttribute("href");
  await page.goto(detail!);
  const file = await page.getByRole("region", { name: "Files" }).getByRole("link").first().getAttribute("href");

  const pages = ["/", "/me", "/namespaces", "/namespaces?businessUnit=HMPPS&production=true&sort=reviewAfter&dir=desc", "/namespaces?q=nothing-matches-this", detail!, file!, "/no-such-page"];
  for (const url of pages) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(violations.map((v) => `${url} @${width}px: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  }
});
