import { describe, expect, it, vi } from "vitest";
import { createViewerCache } from "./viewer-cache";
import type { Viewer } from "./viewer";

const alice: Viewer = { sessionId: "s1", login: "alice", name: "Alice", kind: "github", teams: ["a"], reviewer: false };

describe("createViewerCache", () => {
  function setup() {
    let t = 0;
    const onStale = vi.fn();
    const cache = createViewerCache({ freshMs: 5_000, staleMs: 300_000, max: 3, now: () => t, onStale });
    return { cache, onStale, advance: (ms: number) => (t += ms) };
  }

  it("reads the session store once per freshMs", async () => {
    const { cache, advance } = setup();
    const loader = vi.fn(async () => alice);
    await cache.load("s1", loader);
    await cache.load("s1", loader);
    expect(loader).toHaveBeenCalledTimes(1);
    advance(5_000);
    await cache.load("s1", loader);
    expect(loader).toHaveBeenCalledTimes(2);
    await cache.load("s1", loader, true);
    expect(loader).toHaveBeenCalledTimes(3);
  });

  it("keeps a signed-in viewer through a store outage up to staleMs, then fails", async () => {
    const { cache, onStale, advance } = setup();
    await cache.load("s1", async () => alice);
    const down = () => Promise.reject(new Error("ECONNREFUSED"));
    advance(60_000);
    await expect(cache.load("s1", down)).resolves.toBe(alice);
    expect(onStale).toHaveBeenCalledWith("s1", expect.any(Error));
    advance(300_000);
    await expect(cache.load("s1", down)).rejects.toThrow("ECONNREFUSED");
    await expect(cache.load("unknown", down)).rejects.toThrow("ECONNREFUSED");
  });

  it("never serves a signed-out (forgotten or missing) session from memory", async () => {
    const { cache } = setup();
    await cache.load("s1", async () => alice);
    cache.forget("s1");
    await expect(cache.load("s1", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await cache.load("s2", async () => null);
    await expect(cache.load("s2", () => Promise.reject(new Error("down")))).resolves.toBeNull();
  });

  it("holds at most max sessions", async () => {
    const { cache } = setup();
    for (const id of ["a", "b", "c", "d", "e"]) await cache.load(id, async () => alice);
    expect(cache.size()).toBe(3);
  });
});
