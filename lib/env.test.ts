import { describe, expect, it } from "vitest";
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
