import { createHash, randomUUID } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "./control-client";
import { startFakeGitHub, type FakeGitHub } from "./start-fake-github";

const CLIENT = { clientId: "berth-client", clientSecret: "berth-secret" };
// Never fetched (redirects are read, not followed): a reserved name, so the test needs no port.
const REDIRECT = "http://berth.invalid/api/auth/callback/github";

describe.each(["", "/api/v3"])("OAuth web flow (apiPrefix %j)", (apiPrefix) => {
  let fake: FakeGitHub;
  let clock = Date.now();
  beforeAll(async () => {
    fake = await startFakeGitHub({ org: "acme", apiPrefix, ...CLIENT, now: () => clock });
  });
  afterAll(() => fake.close());

  const newUser = async () => {
    const login = `user-${randomUUID().slice(0, 8)}`;
    await controlClient(fake.url).putUser({ login, name: "Ada Lovelace", teams: [], orgMember: true });
    return login;
  };

  const authorizeParams = (extra: Record<string, string> = {}) => ({
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    state: "state-123",
    scope: "read:user user:email read:org",
    ...extra,
  });

  /** Approves as `login` the way the page's form does and returns the redirect. */
  const approve = async (login: string, extra: Record<string, string> = {}) => {
    const response = await fetch(`${fake.url}/login/oauth/authorize`, {
      method: "POST",
      body: new URLSearchParams({ ...authorizeParams(extra), login }),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    return new URL(response.headers.get("location") ?? "");
  };

  const exchange = async (params: Record<string, string>, json = true) => {
    const response = await fetch(`${fake.url}/login/oauth/access_token`, {
      method: "POST",
      headers: json ? { accept: "application/json", "content-type": "application/json" } : {},
      body: json ? JSON.stringify(params) : new URLSearchParams(params),
    });
    expect(response.status).toBe(200);
    return response;
  };

  it("shows a sign-in page with the requested scopes and a button per user", async () => {
    const login = await newUser();
    const response = await fetch(`${fake.url}/login/oauth/authorize?${new URLSearchParams(authorizeParams())}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain("<h1>Sign in to GitHub (test double)</h1>");
    expect(html).toContain("<li>read:org</li><li>read:user</li><li>user:email</li>");
    expect(html).toContain(`<button type="submit" name="login" value="${login}">Sign in as ${login}</button>`);
    expect(html).toContain('<form method="post" action="/login/oauth/authorize">');
    expect(html).toContain('<input type="hidden" name="state" value="state-123">');
  });

  it("redirects with code and state, and trades the code for a token (JSON) that works on the API", async () => {
    const login = await newUser();
    const location = await approve(login);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("state")).toBe("state-123");
    const code = location.searchParams.get("code") ?? "";
    expect(code).toMatch(/^[0-9a-f]{20}$/);

    const response = await exchange({ ...clientParams(), code, redirect_uri: REDIRECT });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = (await response.json()) as Record<string, string>;
    expect(body).toEqual({ access_token: expect.stringMatching(/^gho_[A-Za-z0-9]{36}$/), token_type: "bearer", scope: "read:org,read:user,user:email" });

    const octokit = new Octokit({ auth: body.access_token, baseUrl: fake.apiUrl });
    const { data, headers } = await octokit.rest.users.getAuthenticated();
    expect(data.login).toBe(login);
    expect(headers["x-oauth-scopes"]).toBe("read:org, read:user, user:email");
  });

  it("answers form-encoded without Accept: application/json, as GitHub does", async () => {
    const code = (await approve(await newUser(), { scope: "read:user" })).searchParams.get("code") ?? "";
    const response = await exchange({ ...clientParams(), code }, false);
    expect(response.headers.get("content-type")).toBe("application/x-www-form-urlencoded; charset=utf-8");
    const body = new URLSearchParams(await response.text());
    expect(body.get("access_token")).toMatch(/^gho_/);
    expect(body.get("token_type")).toBe("bearer");
    expect(body.get("scope")).toBe("read:user");
  });

  it("accepts the app's credentials as HTTP Basic auth, as standard OAuth clients send them", async () => {
    const code = (await approve(await newUser())).searchParams.get("code") ?? "";
    const response = await fetch(`${fake.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json", authorization: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString("base64")}` },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT }),
    });
    expect(((await response.json()) as { access_token: string }).access_token).toMatch(/^gho_/);
  });

  it("answers 200 bad_verification_code for a used, unknown or expired code", async () => {
    const login = await newUser();
    const code = (await approve(login)).searchParams.get("code") ?? "";
    await exchange({ ...clientParams(), code });
    const badCode = {
      error: "bad_verification_code",
      error_description: "The code passed is incorrect or expired.",
      error_uri: "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code",
    };
    expect(await (await exchange({ ...clientParams(), code })).json()).toEqual(badCode);
    expect(await (await exchange({ ...clientParams(), code: "nope" })).json()).toEqual(badCode);

    const stale = (await approve(login)).searchParams.get("code") ?? "";
    clock += 10 * 60 * 1000 + 1;
    expect(await (await exchange({ ...clientParams(), code: stale })).json()).toEqual(badCode);
    const form = new URLSearchParams(await (await exchange({ ...clientParams(), code: stale }, false)).text());
    expect(form.get("error")).toBe("bad_verification_code");
  });

  it("answers 200 incorrect_client_credentials for a wrong secret, without spending the code", async () => {
    const code = (await approve(await newUser())).searchParams.get("code") ?? "";
    const wrong = (await (await exchange({ client_id: CLIENT.clientId, client_secret: "wrong", code })).json()) as Record<string, string>;
    expect(wrong.error).toBe("incorrect_client_credentials");
    expect(wrong.error_description).toBe("The client_id and/or client_secret passed are incorrect.");
    expect((await (await exchange({ ...clientParams(), code })).json()) as object).toHaveProperty("access_token");
  });

  it("checks a PKCE code_verifier when the app sent a code_challenge", async () => {
    const verifier = "v".repeat(50);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const pkce = { code_challenge: challenge, code_challenge_method: "S256" };
    const login = await newUser();
    const wrongCode = (await approve(login, pkce)).searchParams.get("code") ?? "";
    expect(await (await exchange({ ...clientParams(), code: wrongCode, code_verifier: "w".repeat(50) })).json()).toHaveProperty(
      "error",
      "bad_verification_code",
    );
    const code = (await approve(login, pkce)).searchParams.get("code") ?? "";
    expect(await (await exchange({ ...clientParams(), code, code_verifier: verifier })).json()).toHaveProperty("access_token");
  });

  it("answers 404 for an unknown client_id and 400 for a missing or invalid redirect_uri", async () => {
    const page = (params: Record<string, string>) => fetch(`${fake.url}/login/oauth/authorize?${new URLSearchParams(params)}`);
    expect((await page({ ...authorizeParams(), client_id: "someone-else" })).status).toBe(404);
    const withoutRedirect = new URLSearchParams(authorizeParams());
    withoutRedirect.delete("redirect_uri");
    expect((await page(Object.fromEntries(withoutRedirect))).status).toBe(400);
    expect((await page({ ...authorizeParams(), redirect_uri: "javascript:alert(1)" })).status).toBe(400);
  });

  it("recorded no violations of GitHub's described behaviour", () => {
    expect(fake.violations()).toEqual([]);
  });
});

function clientParams() {
  return { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret };
}
