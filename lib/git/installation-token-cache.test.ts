import { describe, expect, it } from "vitest";
import { createInstallationTokenCache, REFRESH_BEFORE_EXPIRY_MS } from "./installation-token-cache";

/** auth-app's cached value: token|createdAt|expiresAt|repositorySelection|permissions|singleFileName. */
const entry = (token: string, expiresAt: string) => `${token}|2026-12-04T12:00:00Z|${expiresAt}|selected|contents!,metadata|`;

describe("createInstallationTokenCache", () => {
  it("hands a token out until shortly before GitHub's expires_at, then forgets it", () => {
    let now = Date.parse("2026-12-04T12:00:00Z");
    const cache = createInstallationTokenCache(() => now);
    cache.set("7", entry("ghs_a", "2026-12-04T12:10:00Z"));
    expect(cache.get("7")).toContain("ghs_a");
    now = Date.parse("2026-12-04T12:10:00Z") - REFRESH_BEFORE_EXPIRY_MS - 1;
    expect(cache.get("7")).toContain("ghs_a");
    now += 1;
    expect(cache.get("7")).toBeUndefined();
    // Forgotten for good: moving the clock back does not bring it back.
    now = Date.parse("2026-12-04T12:00:00Z");
    expect(cache.get("7")).toBeUndefined();
  });

  it("never hands out a value whose expiry it cannot read, and clear() drops everything", () => {
    const cache = createInstallationTokenCache(() => 0);
    cache.set("1", "ghs_b|x|not-a-date|selected||");
    expect(cache.get("1")).toBeUndefined();
    cache.set("2", entry("ghs_c", "2999-01-01T00:00:00Z"));
    cache.clear();
    expect(cache.get("2")).toBeUndefined();
  });
});
