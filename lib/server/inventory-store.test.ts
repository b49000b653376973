import { describe, expect, it, vi } from "vitest";
import type { NamespaceRecord } from "@/lib/environments/types";
import { createInventoryStore, type Indexer, type IndexRun } from "./inventory-store";

type Index = { commit: string; namespaces: Map<string, NamespaceRecord> };

const record = (cluster: string, name: string, problems = 0) =>
  ({ cluster, name, problems: Array.from({ length: problems }, () => ({ file: "f", message: "m" })) }) as NamespaceRecord;

function fakeIndexer() {
  let head = "c1";
  const calls = { build: 0, update: 0 };
  const indexer: Indexer<Index> = {
    async build() {
      calls.build++;
      return {
        commit: "c1",
        namespaces: new Map([
          ["d/b", record("live", "b")],
          ["d/a", record("live", "a", 1)],
        ]),
      };
    },
    async head() {
      return head;
    },
    async update(index, commit) {
      calls.update++;
      const namespaces = new Map(index.namespaces);
      namespaces.set("d2/c", record("live-2", "c"));
      return { index: { commit, namespaces }, changed: ["d2/c"] };
    },
  };
  return { indexer, calls, setHead: (c: string) => (head = c) };
}

describe("createInventoryStore", () => {
  it("builds once, sorted, even when asked concurrently", async () => {
    const fake = fakeIndexer();
    const runs: IndexRun[] = [];
    const store = createInventoryStore({ indexer: fake.indexer, refreshMs: 60_000, now: () => new Date(0), onIndexed: async (r) => void runs.push(r) });
    const [one, two] = await Promise.all([store.snapshot(), store.snapshot()]);
    expect(one).toBe(two);
    expect(fake.calls.build).toBe(1);
    expect(one.namespaces.map((n) => n.name)).toEqual(["a", "b"]);
    expect(one.find("live", "b")?.name).toBe("b");
    expect(runs).toEqual([expect.objectContaining({ commit: "c1", kind: "cold", namespaces: 2, problems: 1 })]);
    store.stop();
  });

  it("re-indexes only when the head moves", async () => {
    const fake = fakeIndexer();
    const store = createInventoryStore({ indexer: fake.indexer, refreshMs: 60_000, now: () => new Date(0) });
    await store.snapshot();
    await store.refresh();
    expect(fake.calls.update).toBe(0);
    fake.setHead("c2");
    await store.refresh();
    const snap = await store.snapshot();
    expect(snap.commit).toBe("c2");
    expect(snap.find("live-2", "c")).toBeDefined();
    expect(fake.calls.update).toBe(1);
    store.stop();
  });

  it("logs a failing recorder instead of failing the page", async () => {
    const fake = fakeIndexer();
    const log = vi.fn();
    const store = createInventoryStore({
      indexer: fake.indexer,
      refreshMs: 60_000,
      now: () => new Date(0),
      onIndexed: () => Promise.reject(new Error("db down")),
      log,
    });
    await expect(store.snapshot()).resolves.toBeDefined();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith("Could not record index run", expect.any(Error)));
    store.stop();
  });

  it("reports whether an index is loaded and when it last matched the repository, without indexing", async () => {
    const fake = fakeIndexer();
    let now = 1000;
    const store = createInventoryStore({ indexer: fake.indexer, refreshMs: 60_000, now: () => new Date(now) });
    expect(store.status()).toEqual({ loaded: false, commit: null, namespaces: 0, checkedAt: null });
    expect(fake.calls.build).toBe(0);
    await store.snapshot();
    expect(store.status()).toEqual({ loaded: true, commit: "c1", namespaces: 2, checkedAt: new Date(1000) });
    now = 5000;
    await store.refresh();
    expect(store.status().checkedAt).toEqual(new Date(5000));
    store.stop();
  });
});
