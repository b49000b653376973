import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "./control-client";
import { privateUser } from "./github-objects";
import type { RestOperation } from "./rest-operation";
import { startFakeGitHub, type FakeGitHub } from "./start-fake-github";

/** Handlers that break GitHub's description on purpose, ahead of the real rows. */
const broken: RestOperation[] = [
  {
    method: "GET",
    path: "/user",
    operationId: "users/get-authenticated",
    acceptedScopes: [],
    documentationUrl: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
    handle: ({ state, token, urls }) => {
      const user = state.user(token.login);
      return { status: 200, body: user && { ...privateUser(user, urls), login: 42 } };
    },
  },
  {
    method: "GET",
    path: "/orgs/{org}/members/{username}",
    operationId: "orgs/check-membership-for-user",
    acceptedScopes: [],
    documentationUrl: "https://docs.github.com/rest/orgs/members#check-organization-membership-for-a-user",
    handle: () => ({ status: 200, body: { member: true } }),
  },
];

describe("a response that strays from GitHub's description", () => {
  let fake: FakeGitHub;
  let token: string;
  beforeAll(async () => {
    fake = await startFakeGitHub({ org: "acme", apiPrefix: "/api/v3", clientId: "id", clientSecret: "secret", extraOperations: broken });
    const control = controlClient(fake.url);
    await control.putUser({ login: "mallory", teams: [], orgMember: true });
    token = await control.token("mallory", ["read:org"]);
  });
  afterAll(() => fake.close());

  const get = (path: string) => fetch(`${fake.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it("is answered with a 500 naming the violations instead of the invalid payload", async () => {
    const response = await get("/user");
    expect(response.status).toBe(500);
    const body = (await response.json()) as { message: string; violations: string[] };
    expect(body.message).toBe("fake GitHub: response does not match GitHub's OpenAPI description");
    expect(body.violations).toContain('users/get-authenticated 200: /login must be string {"type":"string"}');
    expect(fake.violations().join("\n")).toMatch(/GET \/api\/v3\/user \(users\/get-authenticated\): .*\/login must be string/);
  });

  it("counts a status the operation does not describe as a violation", async () => {
    const response = await get("/orgs/acme/members/mallory");
    expect(response.status).toBe(500);
    expect(((await response.json()) as { violations: string[] }).violations).toEqual([
      "orgs/check-membership-for-user 200: GitHub's description has no 200 response for this operation",
    ]);
  });

  it("records a call to an endpoint the fake does not serve", async () => {
    expect((await get("/repos/acme/environments/releases")).status).toBe(404);
    expect(fake.violations().at(-1)).toMatch(/GET \/api\/v3\/repos\/acme\/environments\/releases: the fake does not serve this endpoint/);
  });

  it("lists and clears violations through the control API", async () => {
    const control = controlClient(fake.url);
    expect((await control.violations()).length).toBeGreaterThanOrEqual(3);
    await control.clearViolations();
    expect(await control.violations()).toEqual([]);
    expect(fake.violations()).toEqual([]);
  });
});
