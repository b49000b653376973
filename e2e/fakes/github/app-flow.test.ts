import { execFile, execFileSync } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "./control-client";
import { startFakeGitHub, type FakeGitHub } from "./start-fake-github";

const APP_ID = 4242;
const INSTALLATION_ID = 77;
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const otherKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pem = (key: typeof keys.publicKey) => key.export({ type: "spki", format: "pem" }).toString();

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
/** An App JWT as @octokit/auth-app makes one, with claims a test may bend. */
function jwt(claims: Record<string, unknown>, privateKey = keys.privateKey): string {
  const unsigned = `${b64({ alg: "RS256", typ: "JWT" })}.${b64(claims)}`;
  return `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), privateKey).toString("base64url")}`;
}

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
/** Async: the fake serves git from this process. */
const gitAsync = (cwd: string, env: Record<string, string>, ...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_TERMINAL_PROMPT: "0", ...env } }, (error, stdout, stderr) =>
      error ? reject(new Error(stderr)) : resolve(stdout.trim()),
    ),
  );
const withToken = (token: string) => ({
  GIT_CONFIG_COUNT: "1",
  GIT_CONFIG_KEY_0: "http.extraHeader",
  GIT_CONFIG_VALUE_0: `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`,
});

describe("the fake's GitHub App: JWTs, installation tokens that expire", () => {
  let root: string;
  let fake: FakeGitHub;
  let clock = Date.parse("2026-12-04T12:00:00Z");
  const seconds = () => Math.floor(clock / 1000);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "fake-github-app-"));
    const work = path.join(root, "seed");
    git(root, "init", "-q", "-b", "main", work);
    git(work, "-c", "user.name=Seed", "-c", "user.email=seed@example.test", "commit", "-q", "--allow-empty", "-m", "Seed");
    git(root, "clone", "-q", "--bare", work, path.join(root, "environments.git"));
    fake = await startFakeGitHub({
      org: "acme",
      clientId: "id",
      clientSecret: "secret",
      now: () => clock,
      repo: { owner: "acme", name: "environments", bareRepoPath: path.join(root, "environments.git") },
      app: { id: APP_ID, publicKey: pem(keys.publicKey), installationId: INSTALLATION_ID, tokenLifetimeSeconds: 600 },
    });
  });
  afterAll(async () => {
    await fake.close();
    rmSync(root, { recursive: true, force: true });
  });

  const mint = (token: string, installation = INSTALLATION_ID) =>
    fetch(`${fake.apiUrl}/app/installations/${installation}/access_tokens`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  const getRepo = (token: string) => fetch(`${fake.apiUrl}/repos/acme/environments`, { headers: { authorization: `token ${token}` } });
  const goodJwt = () => jwt({ iat: seconds() - 30, exp: seconds() + 540, iss: APP_ID });

  it("mints a token with the App's JWT that works until it expires, then answers 401", async () => {
    const minted = await mint(goodJwt());
    expect(minted.status).toBe(201);
    const body = (await minted.json()) as { token: string; expires_at: string };
    expect(body.token).toMatch(/^ghs_/);
    expect(Date.parse(body.expires_at)).toBe(clock + 600_000);

    const answer = await getRepo(body.token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-oauth-scopes")).toBeNull();

    clock += 600_000;
    const expired = await getRepo(body.token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ message: "Bad credentials" });
    expect(fake.violations()).toEqual([]);
  });

  it("revokes an installation token on DELETE /installation/token", async () => {
    const { token } = (await (await mint(goodJwt())).json()) as { token: string };
    const revoked = await fetch(`${fake.apiUrl}/installation/token`, { method: "DELETE", headers: { authorization: `token ${token}` } });
    expect(revoked.status).toBe(204);
    expect((await getRepo(token)).status).toBe(401);
    expect(fake.violations()).toEqual([]);
  });

  it("refuses JWTs that are not the App's, expired, too long-lived, or for another installation", async () => {
    const refusal = async (response: Response) => [response.status, ((await response.json()) as { message: string }).message];
    expect(await refusal(await mint(jwt({ iat: seconds() - 30, exp: seconds() + 540, iss: APP_ID }, otherKeys.privateKey)))).toEqual([
      401,
      "A JSON web token could not be decoded",
    ]);
    expect(await refusal(await mint(jwt({ iat: seconds() - 30, exp: seconds() + 540, iss: APP_ID + 1 })))).toEqual([
      401,
      "A JSON web token could not be decoded",
    ]);
    expect(await refusal(await mint(jwt({ iat: seconds() - 700, exp: seconds() - 100, iss: APP_ID })))).toEqual([401, expect.stringContaining("'exp'")]);
    expect(await refusal(await mint(jwt({ iat: seconds(), exp: seconds() + 3600, iss: APP_ID })))).toEqual([
      401,
      expect.stringContaining("too far in the future"),
    ]);
    expect(await refusal(await mint("not-a-jwt"))).toEqual([401, "A JSON web token could not be decoded"]);
    expect((await mint(goodJwt(), INSTALLATION_ID + 1)).status).toBe(404);
    // A JWT is not a token for the repository, and a token is not a JWT.
    expect((await getRepo(goodJwt())).status).toBe(401);
    expect(fake.violations()).toEqual([]);
  });

  it("takes a token lifetime from the control API, and refuses expired credentials over git's smart HTTP", async () => {
    await controlClient(fake.url).setTokenLifetime(5);
    const { token, expires_at } = (await (await mint(goodJwt())).json()) as { token: string; expires_at: string };
    expect(Date.parse(expires_at)).toBe(clock + 5000);
    const clone = path.join(root, `clone-${seconds()}`);
    await gitAsync(root, withToken(token), "clone", "-q", "--bare", fake.cloneUrl ?? "", clone);
    clock += 5000;
    await expect(gitAsync(clone, withToken(token), "fetch", "-q", fake.cloneUrl ?? "", "main")).rejects.toThrow(
      /could not read Username|401|Authentication failed/,
    );
    await controlClient(fake.url).setTokenLifetime(600);
  });
});
