import { afterEach, describe, expect, it, vi } from "vitest";
import { watchCluster, type ClusterWatcher } from "./cluster-watcher";
import { WATCHED_KINDS } from "./kinds";
import { ScriptedSource } from "./testing/scripted-source";

let watcher: ClusterWatcher | undefined;
afterEach(() => watcher?.stop());

describe("watchCluster", () => {
  it("is connecting until every kind has listed, synced after, and unreachable with the time of its last good data on a failure", async () => {
    let clock = new Date("2026-11-22T10:00:00Z");
    const source = new ScriptedSource();
    source.objects.namespaces = [{ metadata: { name: "team-a" }, status: { phase: "Active" } }];
    const seen: string[] = [];
    // Backoff waits until the test lets it go.
    const waiting: (() => void)[] = [];
    const sleep = () => new Promise<void>((resolve) => waiting.push(resolve));
    watcher = watchCluster({ name: "live", source, now: () => clock, onNamespace: (type, ns) => seen.push(`${type} ${ns.name}`), informer: { sleep } });
    expect(watcher.health().state).toBe("connecting");
    await vi.waitFor(() => expect(source.watches).toHaveLength(WATCHED_KINDS.length));
    expect(watcher.health()).toMatchObject({ state: "synced", lastSyncedAt: clock, reason: null });
    expect(watcher.cache.namespaces.get("team-a")?.phase).toBe("Active");

    source.emit("namespaces", "ADDED", { metadata: { name: "team-b", resourceVersion: "101" } });
    expect(seen).toEqual(["ADDED team-b"]);

    clock = new Date("2026-11-22T10:05:00Z");
    source.current("pods").end(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }));
    await vi.waitFor(() => expect(watcher!.health().state).toBe("unreachable"));
    clock = new Date("2026-11-22T10:09:00Z");
    expect(watcher.health()).toMatchObject({
      state: "unreachable",
      lastSyncedAt: new Date("2026-11-22T10:05:00Z"),
      since: new Date("2026-11-22T10:05:00Z"),
      reason: "read ECONNRESET",
    });
    expect(watcher.cache.namespaces.size).toBe(2);

    waiting.forEach((resume) => resume());
    await vi.waitFor(() => expect(watcher!.health().state).toBe("synced"));
    expect(watcher.health().lastSyncedAt).toEqual(clock);
  });
});
