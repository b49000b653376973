import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows a burst up to capacity, then refuses with the seconds until a token is back", () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 3, perSecond: 0.5 }, () => t);
    expect([1, 2, 3].map(() => limiter.take("alice").allowed)).toEqual([true, true, true]);
    expect(limiter.take("alice")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    t = 2000;
    expect(limiter.take("alice").allowed).toBe(true);
    expect(limiter.take("alice").allowed).toBe(false);
  });

  it("keeps clients apart", () => {
    const limiter = createRateLimiter({ capacity: 1, perSecond: 1 }, () => 0);
    expect(limiter.take("alice").allowed).toBe(true);
    expect(limiter.take("alice").allowed).toBe(false);
    expect(limiter.take("bob").allowed).toBe(true);
  });

  it("never holds more than maxKeys buckets", () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 2, perSecond: 1 }, () => t, 100);
    for (let i = 0; i < 1000; i++) {
      t += 1;
      limiter.take(`client-${i}`);
    }
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });
});
