import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "@/e2e/fakes/github/control-client";
import { startFakeGitHub, type FakeGitHub } from "@/e2e/fakes/github/start-fake-github";
import { createGitHubProvider } from "./github-provider";

/** The provider's team directory against the fake GitHub (GET /orgs/{org}/teams/{team_slug}, validated against GitHub's description). */
describe("the GitHub provider's team directory", () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub({ org: "acme", clientId: "id", clientSecret: "secret" });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("knows a team of the organisation, not an unknown one; a token that cannot read the org sees none", async () => {
    const control = controlClient(fake.url);
    await control.putUser({ login: "dir-bot", teams: [], orgMember: true });
    await control.putUser({ login: "dir-member", teams: ["dir-admins"], orgMember: true });
    const provider = (scopes: string[]) =>
      control
        .token("dir-bot", scopes)
        .then((auth) => createGitHubProvider({ apiUrl: fake.apiUrl, auth, owner: "acme", repo: "environments", baseBranch: "main" }));
    const bot = await provider(["repo"]);
    expect(bot.org).toBe("acme");
    expect(await bot.teamExists("dir-admins")).toBe(true);
    expect(await bot.teamExists("dir-nobody")).toBe(false);
    expect(await (await provider([])).teamExists("dir-admins")).toBe(false);
    expect(await control.violations()).toEqual([]);
  });
});
