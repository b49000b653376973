import { randomUUID } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "./control-client";
import { startFakeGitHub, type FakeGitHub } from "./start-fake-github";

const ALL_SCOPES = ["read:org", "read:user", "user:email"];
// Octokit logs every 4xx; the tests expect them.
const log = { debug() {}, info() {}, warn() {}, error() {} };

describe.each(["", "/api/v3"])("REST operations through @octokit/rest (apiPrefix %j)", (apiPrefix) => {
  let fake: FakeGitHub;
  let control: ReturnType<typeof controlClient>;
  beforeAll(async () => {
    fake = await startFakeGitHub({ org: "acme", apiPrefix, clientId: "id", clientSecret: "secret" });
    control = controlClient(fake.url);
  });
  afterAll(() => fake.close());

  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
  const signedIn = async (user: { teams?: string[]; orgMember?: boolean; email?: string } = {}, scopes = ALL_SCOPES) => {
    const login = unique("user");
    await control.putUser({ login, name: "Grace Hopper", email: user.email, teams: user.teams ?? [], orgMember: user.orgMember ?? true });
    const octokit = new Octokit({ auth: await control.token(login, scopes), baseUrl: fake.apiUrl, log });
    return { login, octokit };
  };

  it("GET /user answers the private user with GitHub's headers", async () => {
    const { login, octokit } = await signedIn({ email: "grace@example.test" });
    const { data, headers, status } = await octokit.rest.users.getAuthenticated();
    expect(status).toBe(200);
    expect(data).toMatchObject({ login, name: "Grace Hopper", email: "grace@example.test", type: "User", user_view_type: "private" });
    expect(headers).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "x-github-media-type": "github.v3; format=json",
      "x-oauth-scopes": "read:org, read:user, user:email",
      "x-accepted-oauth-scopes": "",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-resource": "core",
    });
    expect(Number(headers["x-ratelimit-remaining"]) + Number(headers["x-ratelimit-used"])).toBe(5000);
    expect(headers["x-github-request-id"]).toMatch(/^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{6}:[0-9A-F]+$/);
  });

  it("GET /user/emails lists the primary address with user:email, and is a 404 without it", async () => {
    const { login, octokit } = await signedIn({ email: "grace@example.test" });
    const { data } = await octokit.rest.users.listEmailsForAuthenticatedUser();
    expect(data.find((email) => email.primary)).toMatchObject({ email: "grace@example.test", verified: true });
    expect(data.map((email) => email.email)).toContain(`${(await octokit.rest.users.getAuthenticated()).data.id}+${login}@users.noreply.github.com`);

    const { octokit: narrow } = await signedIn({}, ["read:user"]);
    await expect(narrow.rest.users.listEmailsForAuthenticatedUser()).rejects.toMatchObject({ status: 404 });
  });

  it("GET /user/teams pages through 250 teams with octokit.paginate, with GitHub's Link header", async () => {
    const prefix = unique("team");
    const teams = Array.from({ length: 250 }, (_, index) => `${prefix}-${String(index).padStart(3, "0")}`);
    const { octokit } = await signedIn({ teams });
    const all = await octokit.paginate(octokit.rest.teams.listForAuthenticatedUser, { per_page: 100 });
    expect(all.map((team) => team.slug)).toEqual(teams);
    expect(all[0]).toMatchObject({ name: teams[0], organization: { login: "acme" }, members_count: 1 });

    const second = await octokit.rest.teams.listForAuthenticatedUser({ per_page: 100, page: 2 });
    const url = (page: number) => `${fake.apiUrl}/user/teams?per_page=100&page=${page}`;
    expect(second.headers.link).toBe(`<${url(1)}>; rel="prev", <${url(3)}>; rel="next", <${url(3)}>; rel="last", <${url(1)}>; rel="first"`);
    expect(second.headers["x-accepted-oauth-scopes"]).toBe("read:org, repo, user");
  });

  it("GET /user/teams is a 403 for a token without read:org (or user, repo)", async () => {
    const { octokit } = await signedIn({ teams: [unique("team")] }, ["read:user", "user:email"]);
    await expect(octokit.rest.teams.listForAuthenticatedUser()).rejects.toMatchObject({ status: 403 });
    const { octokit: admin } = await signedIn({ teams: [unique("team")] }, ["admin:org"]);
    expect((await admin.rest.teams.listForAuthenticatedUser()).data).toHaveLength(1);
  });

  it("reflects teams and membership changed through the control API on the next call", async () => {
    const [first, second] = [unique("team"), unique("team")];
    const { login, octokit } = await signedIn({ teams: [first] });
    expect((await octokit.rest.teams.listForAuthenticatedUser()).data.map((team) => team.slug)).toEqual([first]);
    await control.setTeams(login, [second]);
    expect((await octokit.rest.teams.listForAuthenticatedUser()).data.map((team) => team.slug)).toEqual([second]);

    await control.setOrgMember(login, false);
    await expect(octokit.rest.orgs.getMembershipForAuthenticatedUser({ org: "acme" })).rejects.toMatchObject({ status: 404 });
  });

  it("GET /user/memberships/orgs/{org}: active member, 404 otherwise, 403 without read:org", async () => {
    const { login, octokit } = await signedIn();
    const { data } = await octokit.rest.orgs.getMembershipForAuthenticatedUser({ org: "acme" });
    expect(data).toMatchObject({ state: "active", role: "member", organization: { login: "acme" }, user: { login } });
    await expect(octokit.rest.orgs.getMembershipForAuthenticatedUser({ org: "elsewhere" })).rejects.toMatchObject({ status: 404 });

    const { octokit: outsider } = await signedIn({ orgMember: false });
    await expect(outsider.rest.orgs.getMembershipForAuthenticatedUser({ org: "acme" })).rejects.toMatchObject({ status: 404 });
    const { octokit: narrow } = await signedIn({}, ["read:user"]);
    await expect(narrow.rest.orgs.getMembershipForAuthenticatedUser({ org: "acme" })).rejects.toMatchObject({ status: 403 });
  });

  it("GET /orgs/{org}/teams/{team_slug}/memberships/{username} and /orgs/{org}/members/{username}", async () => {
    const team = unique("team");
    const { login, octokit } = await signedIn({ teams: [team] });
    const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org: "acme", team_slug: team, username: login });
    expect(data).toMatchObject({ role: "member", state: "active" });
    await expect(octokit.rest.teams.getMembershipForUserInOrg({ org: "acme", team_slug: unique("team"), username: login })).rejects.toMatchObject({
      status: 404,
    });

    expect((await octokit.rest.orgs.checkMembershipForUser({ org: "acme", username: login })).status).toBe(204);
    const { login: outsider } = await signedIn({ orgMember: false });
    await expect(octokit.rest.orgs.checkMembershipForUser({ org: "acme", username: outsider })).rejects.toMatchObject({ status: 404 });
  });

  it("answers 401 Bad credentials for an unknown token and Requires authentication without one", async () => {
    const bad = new Octokit({ auth: "gho_notarealtoken", baseUrl: fake.apiUrl, log });
    await expect(bad.rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 401,
      response: { data: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" } },
    });
    const anonymous = new Octokit({ baseUrl: fake.apiUrl, log });
    await expect(anonymous.rest.teams.listForAuthenticatedUser()).rejects.toMatchObject({ status: 401 });
  });

  it("recorded no violations of GitHub's description", async () => {
    expect(fake.violations()).toEqual([]);
    expect(await control.violations()).toEqual([]);
  });
});
