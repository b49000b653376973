import { describe, expect, it } from "vitest";
import { ClusterCache, EVENTS_PER_NAMESPACE } from "./cluster-cache";
import type { DeploymentRecord, PodRecord } from "./kinds";
import { namespaceStatus, namespaceSummary, rolloutStatus } from "./namespace-status";
import { parseQuantity } from "./quantity";

const deployment = (over: Partial<DeploymentRecord> = {}): DeploymentRecord => ({
  namespace: "team-a",
  name: "web",
  uid: "d1",
  desired: 2,
  current: 2,
  ready: 2,
  updated: 2,
  available: 2,
  generation: 1,
  observedGeneration: 1,
  paused: false,
  images: [],
  conditions: [],
  refs: [],
  createdAt: null,
  ...over,
});

describe("rolloutStatus", () => {
  it("decides as kubectl rollout status does", () => {
    expect(rolloutStatus(deployment())).toBe("complete");
    expect(rolloutStatus(deployment({ generation: 2 }))).toBe("progressing");
    expect(rolloutStatus(deployment({ updated: 1 }))).toBe("progressing");
    expect(rolloutStatus(deployment({ current: 3 }))).toBe("progressing");
    expect(rolloutStatus(deployment({ available: 1 }))).toBe("progressing");
    expect(rolloutStatus(deployment({ paused: true, updated: 1 }))).toBe("paused");
    expect(rolloutStatus(deployment({ conditions: [{ type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded", message: null }] }))).toBe(
      "failed",
    );
  });
});

describe("namespaceStatus", () => {
  it("links pods to deployments through replicasets, orders warnings first and measures quota", () => {
    const cache = new ClusterCache();
    cache.apply("namespaces", "ADDED", { name: "team-a", phase: "Active", createdAt: null });
    cache.apply("deployments", "ADDED", deployment({ ready: 1 }));
    cache.apply("replicasets", "ADDED", {
      namespace: "team-a",
      name: "web-1",
      deploymentUid: "d1",
      revision: 1,
      images: [],
      desired: 1,
      ready: 1,
      createdAt: null,
    });
    cache.apply("pods", "ADDED", {
      namespace: "team-a",
      name: "web-1-x",
      phase: "Running",
      readyContainers: 1,
      containers: 1,
      restarts: 0,
      lastTerminationReason: null,
      waitingReason: null,
      node: null,
      replicaSet: "web-1",
      deleting: false,
      createdAt: null,
    });
    cache.apply("pods", "ADDED", {
      namespace: "team-a",
      name: "job-y",
      phase: "Succeeded",
      readyContainers: 0,
      containers: 1,
      restarts: 0,
      lastTerminationReason: null,
      waitingReason: null,
      node: null,
      replicaSet: null,
      deleting: false,
      createdAt: null,
    });
    cache.apply("events", "ADDED", {
      namespace: "team-a",
      name: "e1",
      type: "Normal",
      reason: "Pulled",
      message: "",
      object: "Pod/web-1-x",
      count: 1,
      lastSeen: "2026-11-01T12:00:00Z",
    });
    cache.apply("events", "ADDED", {
      namespace: "team-a",
      name: "e2",
      type: "Warning",
      reason: "BackOff",
      message: "",
      object: "Pod/web-1-x",
      count: 3,
      lastSeen: "2026-11-01T10:00:00Z",
    });
    cache.apply("resourcequotas", "ADDED", {
      namespace: "team-a",
      name: "q",
      hard: { "requests.cpu": "2", "requests.memory": "4Gi", pods: "10" },
      used: { "requests.cpu": "500m", "requests.memory": "1Gi" },
    });

    const status = namespaceStatus(cache, "team-a");
    expect(status.phase).toBe("Active");
    expect(status.deployments[0]).toMatchObject({ name: "web", healthy: false, rollout: "complete" });
    expect(status.pods.map((p) => [p.name, p.deployment])).toEqual([
      ["job-y", null],
      ["web-1-x", "web"],
    ]);
    expect(status.events.map((e) => e.reason)).toEqual(["BackOff", "Pulled"]);
    expect(status.quota).toEqual([
      { quota: "q", resource: "pods", used: "0", hard: "10", percent: 0 },
      { quota: "q", resource: "requests.cpu", used: "500m", hard: "2", percent: 25 },
      { quota: "q", resource: "requests.memory", used: "1Gi", hard: "4Gi", percent: 25 },
    ]);
    expect(namespaceSummary(cache, "team-a")).toEqual({ status: "live", unhealthyDeployments: 1 });
    expect(namespaceSummary(cache, "team-b")).toEqual({ status: "missing", unhealthyDeployments: 0 });
    expect(namespaceStatus(cache, "team-b")).toMatchObject({ phase: null, deployments: [], pods: [] });
  });

  it("keeps only the newest events of a namespace", () => {
    const cache = new ClusterCache();
    for (let i = 0; i < EVENTS_PER_NAMESPACE + 5; i++) {
      cache.apply("events", "ADDED", {
        namespace: "n",
        name: `e${i}`,
        type: "Normal",
        reason: "R",
        message: "",
        object: "Pod/p",
        count: 1,
        lastSeen: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      });
    }
    const names = [...cache.objectsIn("n").events.keys()];
    expect(names).toHaveLength(EVENTS_PER_NAMESPACE);
    expect(names).not.toContain("n/e4");
    expect(names).toContain("n/e5");
  });

  it("replaces a kind wholesale after a re-list and deletes on DELETED", () => {
    const cache = new ClusterCache();
    cache.apply("deployments", "ADDED", deployment());
    cache.replace("deployments", [deployment({ namespace: "team-b" })]);
    expect(cache.size()).toMatchObject({ deployments: 1 });
    expect(cache.objectsIn("team-a").deployments.size).toBe(0);
    cache.apply("deployments", "DELETED", deployment({ namespace: "team-b" }));
    expect(cache.size().deployments).toBe(0);
  });
});

describe("parseQuantity", () => {
  it("reads Kubernetes quantities", () => {
    expect(parseQuantity("500m")).toBe(0.5);
    expect(parseQuantity("2Gi")).toBe(2 * 2 ** 30);
    expect(parseQuantity("1e3")).toBe(1000);
    expect(parseQuantity("1.5k")).toBe(1500);
    expect(parseQuantity("lots")).toBeNull();
  });
});

describe("rollout history", () => {
  const rs = (name: string, revision: number | null, tag: string, ready: number, desired: number) => ({
    namespace: "team-a",
    name,
    deploymentUid: "d1",
    revision,
    images: [{ container: "app", image: `web:${tag}`, tag }],
    desired,
    ready,
    createdAt: `2026-11-0${revision ?? 1}T00:00:00Z`,
  });
  const pod = (name: string, replicaSet: string, over: Partial<PodRecord> = {}): PodRecord => ({
    namespace: "team-a",
    name,
    phase: "Running",
    readyContainers: 0,
    containers: 1,
    restarts: 0,
    lastTerminationReason: null,
    waitingReason: null,
    node: "n1",
    replicaSet,
    deleting: false,
    createdAt: null,
    ...over,
  });

  it("lists a deployment's ReplicaSets newest revision first and says why a stuck rollout is stuck", () => {
    const cache = new ClusterCache();
    cache.apply("namespaces", "ADDED", { name: "team-a", phase: "Active", createdAt: null });
    const progressing = { type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded", message: 'ReplicaSet "web-3" has timed out progressing.' };
    cache.apply("deployments", "ADDED", deployment({ ready: 2, desired: 3, updated: 1, current: 3, conditions: [progressing] }));
    for (const r of [rs("web-2", 2, "b", 2, 2), rs("web-10", 10, "d", 0, 1), rs("web-1", 1, "a", 0, 0)]) cache.apply("replicasets", "ADDED", r);
    cache.apply("pods", "ADDED", pod("web-10-a", "web-10", { waitingReason: "CrashLoopBackOff", lastTerminationReason: "Error" }));
    cache.apply("pods", "ADDED", pod("web-10-b", "web-10", { phase: "Pending", node: null }));
    cache.apply("pods", "ADDED", pod("web-10-c", "web-10", { waitingReason: "CrashLoopBackOff" }));
    cache.apply("pods", "ADDED", pod("web-2-a", "web-2", { readyContainers: 1 }));
    const [web] = namespaceStatus(cache, "team-a").deployments;
    expect(web!.revisions.map((r) => [r.revision, r.images[0]!.tag, r.ready, r.desired, r.current])).toEqual([
      [10, "d", 0, 1, true],
      [2, "b", 2, 2, false],
      [1, "a", 0, 0, false],
    ]);
    expect(web!.stuck).toEqual([
      'Progress deadline exceeded: ReplicaSet "web-3" has timed out progressing.',
      "2 pods CrashLoopBackOff",
      "1 pod Pending (not scheduled or not started)",
    ]);
  });

  it("says nothing is stuck when the rollout is complete and healthy", () => {
    const cache = new ClusterCache();
    cache.apply("deployments", "ADDED", deployment());
    cache.apply("replicasets", "ADDED", rs("web-1", 1, "a", 2, 2));
    cache.apply("pods", "ADDED", pod("web-1-a", "web-1", { waitingReason: "ContainerCreating" }));
    expect(namespaceStatus(cache, "team-a").deployments[0]!.stuck).toEqual([]);
  });
});
