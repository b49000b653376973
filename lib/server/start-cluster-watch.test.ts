import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeClusterWatcher } from "@/lib/clusters/testing/fake-cluster-watcher";
import type { Db } from "@/lib/db/create-db";
import { startClusterWatch } from "./start-cluster-watch";
import { fakeRequestDb, requestRow } from "./testing/fake-request-db";
import { clustersOf, fakeServices } from "./testing/fake-services";

// The periodic sweep and the event debounce run on fake timers: nothing outlives a test, and no test waits.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());
/** Waits for the sweep's promises; each retry advances the fake clock by 1 ms only. */
const eventually = (check: () => void) => vi.waitFor(check, { interval: 1 });

function setup(rows = [requestRow("r1", { state: "merged", namespace: "orders-dev" }), requestRow("r2", { state: "merged", namespace: "visits-dev" })]) {
  const requests = fakeRequestDb(rows);
  const findMany = vi.spyOn(requests.request, "findMany");
  const live = fakeClusterWatcher("live", { namespaces: ["orders-dev"] });
  const deps = fakeServices({ db: requests.db, clusters: clustersOf([live]) });
  const stateOf = (id: string) => requests.requests.get(id)?.state;
  const namespaceEvent = (name: string) => deps.clusterListeners.namespace.forEach((listener) => listener("live", name));
  return { deps, requests, findMany, live, stateOf, namespaceEvent };
}

describe("startClusterWatch", () => {
  it("listens for namespace events and hands on the first sync", () => {
    const { deps } = setup();
    const onFirstSync = vi.fn();
    startClusterWatch(deps, onFirstSync);
    expect(deps.clusterListeners.namespace.size).toBe(1);
    expect([...deps.clusterListeners.firstSync]).toEqual([onFirstSync]);
  });

  it("sweeps at once: merged namespace requests whose namespace is Active become applied, with an audit entry", async () => {
    const { deps, requests, stateOf } = setup([
      requestRow("live", { state: "merged", namespace: "orders-dev" }),
      requestRow("pending", { state: "merged", namespace: "visits-dev" }),
      requestRow("resources", { state: "merged", namespace: "orders-dev", kind: "resources" }),
      requestRow("open", { state: "pr_open", namespace: "orders-dev" }),
    ]);
    startClusterWatch(deps);
    await eventually(() => expect(stateOf("live")).toBe("applied"));
    expect([stateOf("pending"), stateOf("resources"), stateOf("open")]).toEqual(["merged", "merged", "pr_open"]);
    expect(requests.events).toEqual([
      { requestId: "live", fromState: "merged", toState: "applied", actor: "cluster", note: "namespace orders-dev is live in live" },
    ]);
  });

  it("does not count a Terminating namespace, or one of a cluster Berth does not watch, as live", async () => {
    const { deps, live, stateOf } = setup([
      requestRow("terminating", { state: "merged", namespace: "orders-dev" }),
      requestRow("unwatched", { state: "merged", namespace: "visits-dev", cluster: "live-2" }),
      requestRow("active", { state: "merged", namespace: "visits-dev" }),
    ]);
    live.cache.apply("namespaces", "MODIFIED", { name: "orders-dev", phase: "Terminating", createdAt: null });
    live.cache.apply("namespaces", "ADDED", { name: "visits-dev", phase: "Active", createdAt: null });
    startClusterWatch(deps);
    // The last request is handled last: once it is applied, the sweep has passed the other two.
    await eventually(() => expect(stateOf("active")).toBe("applied"));
    expect([stateOf("terminating"), stateOf("unwatched")]).toEqual(["merged", "merged"]);
  });

  it("sweeps once for a burst of namespace events, 200 ms after the first", async () => {
    const { deps, findMany, live, stateOf, namespaceEvent } = setup();
    startClusterWatch(deps);
    await eventually(() => expect(stateOf("r1")).toBe("applied"));
    live.cache.apply("namespaces", "ADDED", { name: "visits-dev", phase: "Active", createdAt: null });
    namespaceEvent("visits-dev");
    namespaceEvent("visits-dev");
    await vi.advanceTimersByTimeAsync(199);
    namespaceEvent("other");
    expect(findMany).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(findMany).toHaveBeenCalledTimes(2);
    await eventually(() => expect(stateOf("r2")).toBe("applied"));
  });

  it("sweeps again every 30 seconds, for namespaces that were there at the first list", async () => {
    const { deps, findMany } = setup([]);
    startClusterWatch(deps);
    expect(findMany).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(findMany).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(findMany).toHaveBeenCalledTimes(3);
  });

  it("logs a sweep that fails instead of throwing", async () => {
    // Note: the sweep's first call is request.findMany; a database that is down rejects it.
    const db = { request: { findMany: () => Promise.reject(new Error("ECONNREFUSED")) } } as unknown as Db;
    const deps = fakeServices({ db, clusters: clustersOf([]) });
    startClusterWatch(deps);
    await eventually(() => expect(deps.log.lines).toMatchObject([{ level: "warn", msg: "marking applied requests failed", error: "Error: ECONNREFUSED" }]));
  });
});
