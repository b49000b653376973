import { describe, expect, it } from "vitest";
import { createTextCache } from "./text-cache";

describe("createTextCache", () => {
  it("evicts the least recently used entries beyond its size", () => {
    const cache = createTextCache(40);
    cache.set("a", "x".repeat(10));
    cache.set("b", "x".repeat(10));
    cache.set("c", "x".repeat(10));
    expect(cache.get("a")).toBeDefined(); // a is now the most recent
    cache.set("d", "x".repeat(10));
    cache.set("e", "x".repeat(10));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.chars()).toBeLessThanOrEqual(40);
  });

  it("does not keep a value larger than a quarter of its size", () => {
    const cache = createTextCache(40);
    cache.set("big", "x".repeat(11));
    expect(cache.get("big")).toBeUndefined();
    expect(cache.size()).toBe(0);
  });
});
