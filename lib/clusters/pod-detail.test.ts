import { describe, expect, it } from "vitest";
import { podDetail } from "./pod-detail";

describe("podDetail", () => {
  it("reads conditions, each container's state, last termination and resources, and never env values", () => {
    const detail = podDetail({
      metadata: {
        name: "web-7d4-abcde",
        namespace: "team-a",
        creationTimestamp: "2026-11-01T09:00:00Z",
        ownerReferences: [{ kind: "ReplicaSet", name: "web-7d4", uid: "u", controller: true }],
      },
      spec: {
        nodeName: "node-1",
        initContainers: [{ name: "migrate", image: "web:1.2", env: [{ name: "PASSWORD", value: "hunter2-value-marker" }] }],
        containers: [
          {
            name: "app",
            image: "registry:5000/web:abc",
            args: ["--token=hunter2-value-marker"],
            resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512Mi" } },
          },
        ],
      },
      status: {
        phase: "Running",
        qosClass: "Burstable",
        startTime: "2026-11-01T09:00:02Z",
        conditions: [
          {
            type: "Ready",
            status: "False",
            reason: "ContainersNotReady",
            message: "containers with unready status: [app]",
            lastTransitionTime: "2026-11-01T10:00:00Z",
          },
        ],
        initContainerStatuses: [
          { name: "migrate", ready: true, restartCount: 0, state: { terminated: { reason: "Completed", exitCode: 0, finishedAt: "2026-11-01T09:00:10Z" } } },
        ],
        containerStatuses: [
          {
            name: "app",
            ready: false,
            restartCount: 12,
            state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 5m0s restarting failed container" } },
            lastState: { terminated: { reason: "OOMKilled", exitCode: 137, startedAt: "2026-11-01T09:59:00Z", finishedAt: "2026-11-01T10:00:00Z" } },
          },
        ],
      },
    });
    expect(detail).toMatchObject({ phase: "Running", node: "node-1", qosClass: "Burstable", owner: "ReplicaSet/web-7d4" });
    expect(detail.conditions).toEqual([
      { type: "Ready", status: "False", reason: "ContainersNotReady", message: "containers with unready status: [app]", since: "2026-11-01T10:00:00Z" },
    ]);
    const [migrate, app] = detail.containers;
    expect(migrate).toMatchObject({ init: true, now: { state: "terminated", reason: "Completed", exitCode: 0 }, lastTermination: null });
    expect(app).toMatchObject({
      init: false,
      tag: "abc",
      restarts: 12,
      now: { state: "waiting", reason: "CrashLoopBackOff" },
      lastTermination: { reason: "OOMKilled", exitCode: 137, finishedAt: "2026-11-01T10:00:00Z" },
      requests: { cpu: "100m", memory: "128Mi" },
      limits: { memory: "512Mi" },
    });
    expect(JSON.stringify(detail)).not.toContain("hunter2");
  });

  it("tolerates an empty object", () => {
    expect(podDetail({})).toMatchObject({ name: "", phase: "Unknown", containers: [], conditions: [] });
  });
});
