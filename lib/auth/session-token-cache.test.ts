import { describe, expect, it, vi } from "vitest";
import { createSessionTokenCache } from "./session-token-cache";

describe("createSessionTokenCache", () => {
  const hour = 3600;

  it("decodes a genuine cookie once and answers from memory until the token expires", async () => {
    let now = 1_000_000_000_000;
    const cache = createSessionTokenCache({ max: 10, now: () => now });
    const decode = vi.fn(async () => ({ sid: "s-1", exp: now / 1000 + hour }));
    expect(await cache.sessionId("cookie-a", decode)).toBe("s-1");
    expect(await cache.sessionId("cookie-a", decode)).toBe("s-1");
    expect(decode).toHaveBeenCalledTimes(1);

    now += hour * 1000;
    decode.mockResolvedValueOnce(null as never);
    expect(await cache.sessionId("cookie-a", decode)).toBeNull();
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it("never remembers a cookie that does not decode, or a token without a session or an expiry", async () => {
    const now = 1_000_000_000_000;
    const cache = createSessionTokenCache({ max: 10, now: () => now });
    const tokens: (Record<string, unknown> | null)[] = [null, { exp: now / 1000 + hour }, { sid: "s-2" }, { sid: "s-3", exp: now / 1000 - 1 }];
    for (const [i, token] of tokens.entries()) {
      const decode = vi.fn(async () => token);
      await cache.sessionId(`cookie-${i}`, decode);
      await cache.sessionId(`cookie-${i}`, decode);
      expect(decode).toHaveBeenCalledTimes(2);
    }
    const failing = vi.fn(async () => Promise.reject(new Error("bad tag")));
    expect(await cache.sessionId("forged", failing)).toBeNull();
    expect(cache.size()).toBe(0);
  });

  it("keeps at most max cookies, forgetting the oldest", async () => {
    const now = 1_000_000_000_000;
    const cache = createSessionTokenCache({ max: 2, now: () => now });
    const decode = vi.fn(async (cookie: string) => ({ sid: cookie, exp: now / 1000 + hour }));
    for (const cookie of ["a", "b", "c"]) await cache.sessionId(cookie, decode);
    expect(cache.size()).toBe(2);
    await cache.sessionId("a", decode);
    expect(decode).toHaveBeenCalledTimes(4);
  });
});
