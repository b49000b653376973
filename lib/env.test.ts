import { describe, expect, it } from "vitest";
import { assertServerSettings, ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  const local = { BERTH_LOCAL_SIGNIN: "true" };
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

  it("needs the repository, bot token and webhook secret for the GitHub provider", () => {
    expect(() => assertServerSettings(parseEnv({ ...github, BERTH_GIT_PROVIDER: "github" }))).toThrow(/GITHUB_ENVIRONMENTS_REPO/);
    expect(() => parseEnv({ ...github, GITHUB_ENVIRONMENTS_REPO: "not a repo" })).toThrow(/GITHUB_ENVIRONMENTS_REPO.*owner\/name/);
    const full = {
      ...github,
      BERTH_GIT_PROVIDER: "github",
      GITHUB_ENVIRONMENTS_REPO: "org/envs",
      GITHUB_BOT_TOKEN: "t",
      GITHUB_WEBHOOK_SECRET: "w".repeat(16),
    };
    expect(() => assertServerSettings(parseEnv(full))).not.toThrow();
  });

  it("needs a real secret in production", () => {
    expect(() => assertServerSettings(parseEnv({ ...github, NODE_ENV: "production" }))).toThrow(/NEXTAUTH_SECRET/);
    expect(() => parseEnv({ ...github, NODE_ENV: "production", NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET.*32/);
  });
});
