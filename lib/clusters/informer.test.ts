import { afterEach, describe, expect, it, vi } from "vitest";
import { ClusterCache } from "./cluster-cache";
import { KubeApiError } from "./cluster-source";
import { startInformer, type Informer } from "./informer";
import { ScriptedSource } from "./testing/scripted-source";

const pod = (name: string, resourceVersion: string, restarts = 0) => ({
  metadata: { name, namespace: "team-a", resourceVersion, creationTimestamp: "2026-11-01T00:00:00Z" },
  spec: { containers: [{ name: "app", image: "app:1" }] },
  status: { phase: "Running", containerStatuses: [{ name: "app", ready: true, restartCount: restarts }] },
});

let informer: Informer | undefined;
afterEach(() => informer?.stop());

function start(source: ScriptedSource, cache = new ClusterCache(), sleeps: number[] = []) {
  const health: ({ ok: true } | { ok: false; error: string })[] = [];
  informer = startInformer({
    source,
    kind: "pods",
    cache,
    pageSize: 2,
    onHealth: (h) => health.push(h),
    sleep: async (ms) => void sleeps.push(ms),
  });
  return { cache, health, sleeps };
}

describe("startInformer", () => {
  it("lists every page, then watches from the list's resourceVersion and applies events", async () => {
    const source = new ScriptedSource();
    source.objects.pods = [pod("a", "1"), pod("b", "2"), pod("c", "3")];
    const { cache } = start(source);
    await vi.waitFor(() => expect(source.watches).toHaveLength(1));
    expect(source.lists.map((l) => l.continue)).toEqual([undefined, "2"]);
    expect(source.watches[0]!.resourceVersion).toBe("100");
    expect(cache.objectsIn("team-a").pods.size).toBe(3);

    source.emit("pods", "MODIFIED", pod("a", "101", 4));
    source.emit("pods", "DELETED", pod("b", "102"));
    source.emit("pods", "ADDED", pod("d", "103"));
    const pods = cache.objectsIn("team-a").pods;
    expect(pods.get("team-a/a")?.restarts).toBe(4);
    expect([...pods.keys()].sort()).toEqual(["team-a/a", "team-a/c", "team-a/d"]);
  });

  it("resumes from the last resourceVersion (bookmarks included) when a watch ends", async () => {
    const source = new ScriptedSource();
    start(source);
    await vi.waitFor(() => expect(source.watches).toHaveLength(1));
    source.emit("pods", "ADDED", pod("a", "105"));
    source.emit("pods", "BOOKMARK", { metadata: { resourceVersion: "180" } });
    source.current("pods").end();
    await vi.waitFor(() => expect(source.watches).toHaveLength(2));
    expect(source.watches[1]!.resourceVersion).toBe("180");
    expect(source.lists).toHaveLength(1);
  });

  it("re-lists after 410 Gone, as a watch ERROR event or as the watch's HTTP status", async () => {
    const source = new ScriptedSource();
    source.objects.pods = [pod("a", "1")];
    const { cache } = start(source);
    await vi.waitFor(() => expect(source.watches).toHaveLength(1));

    source.objects.pods = [pod("z", "300")];
    source.resourceVersion = "300";
    source.emit("pods", "ERROR", { kind: "Status", code: 410, reason: "Expired", message: "too old resource version: 100 (250)" });
    await vi.waitFor(() => expect(source.watches).toHaveLength(2));
    expect(informer!.lists).toBe(2);
    expect(source.watches[1]!.resourceVersion).toBe("300");
    expect([...cache.objectsIn("team-a").pods.keys()]).toEqual(["team-a/z"]);

    source.current("pods").end(new KubeApiError("Gone", 410));
    await vi.waitFor(() => expect(informer!.lists).toBe(3));
  });

  it("reports failures, backs off exponentially, keeps the cache, and recovers", async () => {
    const source = new ScriptedSource();
    source.objects.pods = [pod("a", "1")];
    const { cache, health, sleeps } = start(source);
    await vi.waitFor(() => expect(source.watches).toHaveLength(1));
    source.current("pods").end(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6443"), { code: "ECONNREFUSED" }));
    await vi.waitFor(() => expect(source.watches).toHaveLength(2));
    source.current("pods").end(new KubeApiError("Service Unavailable", 503));
    await vi.waitFor(() => expect(source.watches).toHaveLength(3));

    expect(health.filter((h) => !h.ok)).toEqual([
      { ok: false, error: "connect ECONNREFUSED 127.0.0.1:6443" },
      { ok: false, error: "503: Service Unavailable" },
    ]);
    expect(sleeps).toEqual([500, 1000]);
    expect(cache.objectsIn("team-a").pods.size).toBe(1);
    await vi.waitFor(() => expect(health.at(-1)).toEqual({ ok: true }));
    expect(source.watches[2]!.resourceVersion).toBe("100");
  });

  it("re-lists from scratch when a list fails half-way", async () => {
    const source = new ScriptedSource();
    source.failNextList = new KubeApiError("etcdserver: request timed out", 500);
    const { health } = start(source);
    await vi.waitFor(() => expect(source.watches).toHaveLength(1));
    expect(source.lists).toHaveLength(2);
    expect(health[0]).toEqual({ ok: false, error: "500: etcdserver: request timed out" });
  });

  it("restarts a watch that the server never ends", async () => {
    const source = new ScriptedSource();
    const health: unknown[] = [];
    informer = startInformer({ source, kind: "pods", cache: new ClusterCache(), stallMs: 20, onHealth: (h) => health.push(h), sleep: async () => {} });
    await vi.waitFor(() => expect(source.watches.length).toBeGreaterThanOrEqual(2));
    expect(health).toContainEqual({ ok: false, error: "no end to a watch after 0.02s; reconnecting" });
  });

  it("stops for good", async () => {
    const source = new ScriptedSource();
    start(source);
    await vi.waitFor(() => expect(source.watches).toHaveLength(1));
    informer!.stop();
    expect(source.watches[0]!.ended).toBe(true);
    await Promise.resolve();
    expect(source.watches).toHaveLength(1);
  });
});
