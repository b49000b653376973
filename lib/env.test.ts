import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies the embedded defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.BERTH_INDEX_REFRESH_SECONDS).toBe(15);
    expect(env.environmentsRepo).toMatch(/\.berth\/sample-environments$/);
  });

  it("names the setting that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ BERTH_INDEX_REFRESH_SECONDS: "soon" })).toThrow(ConfigError);
    expect(() => parseEnv({ BERTH_REPO_WEB_URL: "https://example.com/x" })).toThrow(/BERTH_REPO_WEB_URL.*\{path\}/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
