import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assertServerSettings, ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  const local = { BERTH_LOCAL_SIGNIN: "true", NEXTAUTH_URL: "http://localhost:3000" };
  const github = { GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret" };

  it("applies the embedded defaults", () => {
    const env = parseEnv(local);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.BERTH_INDEX_REFRESH_SECONDS).toBe(15);
    expect(env.environmentsRepo).toMatch(/\.berth\/sample-environments$/);
  });

  it("names the setting that is wrong", () => {
    expect(() => parseEnv({ ...local, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ ...local, BERTH_INDEX_REFRESH_SECONDS: "soon" })).toThrow(ConfigError);
    expect(() => parseEnv({ ...local, BERTH_REPO_WEB_URL: "https://example.com/x" })).toThrow(/BERTH_REPO_WEB_URL.*\{path\}/);
    expect(() => parseEnv({ ...local, BERTH_TEAMS_REFRESH_MINUTES: "60" })).toThrow(/BERTH_TEAMS_REFRESH_MINUTES/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...local, DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("needs a way to sign in", () => {
    expect(() => assertServerSettings(parseEnv({}))).toThrow(/GITHUB_CLIENT_ID.*BERTH_LOCAL_SIGNIN/);
    expect(() => assertServerSettings(parseEnv(local))).not.toThrow();
    expect(() => parseEnv({ GITHUB_CLIENT_ID: "id" })).toThrow(/GITHUB_CLIENT_SECRET/);
    expect(parseEnv(github).GITHUB_API_URL).toBe("https://api.github.com");
    expect(parseEnv({ ...github, BERTH_REVIEWER_TEAMS: " webops, platform-leads ," }).BERTH_REVIEWER_TEAMS).toEqual(["webops", "platform-leads"]);
  });

  it("refuses local sign-in on a production start unless loudly confirmed", () => {
    const secret = { NEXTAUTH_SECRET: "x".repeat(32) };
    expect(() => parseEnv({ ...local, ...secret, NODE_ENV: "production" })).toThrow(/BERTH_LOCAL_SIGNIN.*BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION/);
    expect(parseEnv({ ...local, ...secret, NODE_ENV: "production", BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: "true" }).BERTH_LOCAL_SIGNIN).toBe(true);
    expect(parseEnv({ ...local, NODE_ENV: "development" }).BERTH_LOCAL_SIGNIN).toBe(true);
  });

  it.each(["test", "development"])("refuses local sign-in off loopback with NODE_ENV=%s unless loudly confirmed", (NODE_ENV) => {
    for (const NEXTAUTH_URL of ["https://berth.example.org", "http://10.0.0.5:3000", "http://127.0.0.1.example.org", undefined]) {
      expect(() => parseEnv({ ...local, NODE_ENV, NEXTAUTH_URL }), String(NEXTAUTH_URL)).toThrow(/BERTH_LOCAL_SIGNIN.*loopback/);
    }
    for (const NEXTAUTH_URL of ["http://localhost:3000", "http://127.0.0.1:3109", "http://[::1]:3000"]) {
      expect(parseEnv({ ...local, NODE_ENV, NEXTAUTH_URL }).BERTH_LOCAL_SIGNIN, NEXTAUTH_URL).toBe(true);
    }
    expect(
      parseEnv({ ...local, NODE_ENV, NEXTAUTH_URL: "https://berth.example.org", BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: "true" })
        .BERTH_LOCAL_SIGNIN,
    ).toBe(true);
  });

  it("uses the public development secret on loopback only", () => {
    expect(() => assertServerSettings(parseEnv({ ...github, NODE_ENV: "test", NEXTAUTH_URL: "https://berth.example.org" }))).toThrow(/NEXTAUTH_SECRET/);
    expect(() => assertServerSettings(parseEnv({ ...github, NODE_ENV: "development" }))).toThrow(/NEXTAUTH_SECRET/);
    expect(() => assertServerSettings(parseEnv({ ...github, NODE_ENV: "development", NEXTAUTH_URL: "http://localhost:3000" }))).not.toThrow();
  });

  it("needs the repository, bot token and webhook secret for the GitHub provider", () => {
    expect(() => assertServerSettings(parseEnv({ ...github, BERTH_GIT_PROVIDER: "github", NEXTAUTH_URL: "http://localhost:3000" }))).toThrow(
      /GITHUB_ENVIRONMENTS_REPO/,
    );
    expect(() => parseEnv({ ...github, GITHUB_ENVIRONMENTS_REPO: "not a repo" })).toThrow(/GITHUB_ENVIRONMENTS_REPO.*owner\/name/);
    const full = {
      ...github,
      BERTH_GIT_PROVIDER: "github",
      GITHUB_ENVIRONMENTS_REPO: "org/envs",
      GITHUB_BOT_TOKEN: "t",
      GITHUB_WEBHOOK_SECRET: "w".repeat(16),
    };
    expect(() => assertServerSettings(parseEnv({ ...full, NEXTAUTH_URL: "http://localhost:3000" }))).not.toThrow();
  });

  it("needs a real secret in production", () => {
    expect(() => assertServerSettings(parseEnv({ ...github, NODE_ENV: "production" }))).toThrow(/NEXTAUTH_SECRET/);
    expect(() => parseEnv({ ...github, NODE_ENV: "production", NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET.*32/);
  });
});

describe("the bot as a GitHub App", () => {
  const github = {
    GITHUB_CLIENT_ID: "id",
    GITHUB_CLIENT_SECRET: "secret",
    BERTH_GIT_PROVIDER: "github",
    GITHUB_ENVIRONMENTS_REPO: "org/envs",
    GITHUB_WEBHOOK_SECRET: "w".repeat(16),
    NEXTAUTH_SECRET: "s".repeat(32),
  };
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const app = { GITHUB_APP_ID: "123456", GITHUB_APP_INSTALLATION_ID: "987654", GITHUB_APP_PRIVATE_KEY: rsa };
  const dir = mkdtempSync(path.join(tmpdir(), "berth-env-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the id, installation and key, from the value (one-line with \\n escapes) or a file", () => {
    expect(parseEnv({ ...github, ...app }).githubApp).toEqual({ appId: 123456, installationId: 987654, privateKey: rsa.trim() });
    expect(parseEnv({ ...github, ...app, GITHUB_APP_PRIVATE_KEY: rsa.trim().replace(/\n/g, "\\n") }).githubApp?.privateKey).toBe(rsa.trim());
    const file = path.join(dir, "app.pem");
    writeFileSync(file, rsa);
    const fromFile = parseEnv({ ...github, ...app, GITHUB_APP_PRIVATE_KEY: undefined, GITHUB_APP_PRIVATE_KEY_FILE: file });
    expect(fromFile.githubApp?.privateKey).toBe(rsa.trim());
    expect(() => assertServerSettings(fromFile)).not.toThrow();
    expect(parseEnv(github).githubApp).toBeNull();
  });

  it("names the setting that is missing or wrong, never quoting the key", () => {
    expect(() => parseEnv({ ...github, ...app, GITHUB_APP_ID: "Iv1.abc" })).toThrow(/GITHUB_APP_ID: must be the App's numeric App ID/);
    expect(() => parseEnv({ ...github, ...app, GITHUB_APP_ID: undefined })).toThrow(/GITHUB_APP_ID: required/);
    expect(() => parseEnv({ ...github, ...app, GITHUB_APP_INSTALLATION_ID: undefined })).toThrow(/GITHUB_APP_INSTALLATION_ID: required/);
    expect(() => parseEnv({ ...github, ...app, GITHUB_APP_PRIVATE_KEY: undefined })).toThrow(/GITHUB_APP_PRIVATE_KEY: required/);
    expect(() => parseEnv({ ...github, ...app, GITHUB_APP_PRIVATE_KEY_FILE: path.join(dir, "app.pem") })).toThrow(
      /GITHUB_APP_PRIVATE_KEY_FILE: set .* not both/,
    );
    expect(() => parseEnv({ ...github, ...app, GITHUB_APP_PRIVATE_KEY: undefined, GITHUB_APP_PRIVATE_KEY_FILE: path.join(dir, "missing.pem") })).toThrow(
      /GITHUB_APP_PRIVATE_KEY_FILE: cannot read .*missing\.pem \(ENOENT\)/,
    );
    const garbage = "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5\n-----END RSA PRIVATE KEY-----";
    expect(() => parseEnv({ ...github, ...app, GITHUB_APP_PRIVATE_KEY: garbage })).toThrow(/GITHUB_APP_PRIVATE_KEY: is not a PEM private key/);
    expect(() => parseEnv({ ...github, ...app, GITHUB_APP_PRIVATE_KEY: ec })).toThrow(/GITHUB_APP_PRIVATE_KEY: is a ec key; a GitHub App's private key is RSA/);
    try {
      parseEnv({ ...github, ...app, GITHUB_APP_PRIVATE_KEY: garbage });
    } catch (error) {
      expect(String(error)).not.toContain("bm90IGEga2V5");
    }
  });

  it("wants exactly one bot with the GitHub provider: the token or the App", () => {
    expect(() => assertServerSettings(parseEnv({ ...github, ...app }))).not.toThrow();
    expect(() => assertServerSettings(parseEnv({ ...github, GITHUB_BOT_TOKEN: "t" }))).not.toThrow();
    expect(() => assertServerSettings(parseEnv({ ...github, ...app, GITHUB_BOT_TOKEN: "t" }))).toThrow(/GITHUB_BOT_TOKEN: set either .* not both/);
    expect(() => assertServerSettings(parseEnv(github))).toThrow(/GITHUB_BOT_TOKEN: required .* unless the bot is a GitHub App/);
  });
});
