import type { Rng } from "../../environments/sample/create-rng";
import { secondsBefore, stamp, type KubeObject } from "./kube-object";
import { objectRef, type EventSeed } from "./sample-events";
import { hex, objectMeta, suffix } from "./sample-names";

/** How a pod is doing: the unhealthy ones are what status pages exist to show. */
export type PodState = "ready" | "restarted" | "crashloop" | "unready" | "pending" | "configerror";

export interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: { name: string; image: string; [field: string]: unknown }[]; [field: string]: unknown };
}

export interface PodPlan {
  replicaSet: KubeObject;
  template: PodTemplate;
  state: PodState;
  nodes: string[];
  now: Date;
  /** For "configerror": what the kubelet could not find, e.g. `couldn't find key X in Secret ns/name`. */
  configError?: string;
}

/** A Pod owned by its ReplicaSet, with the events the kubelet and scheduler would have recorded about it. */
export function samplePod(rng: Rng, plan: PodPlan): { pod: KubeObject; ready: boolean; events: EventSeed[] } {
  const { replicaSet: rs, template, state, now } = plan;
  const clamp = (ms: number) => new Date(Math.min(now.getTime(), ms));
  const created = clamp(Math.max(Date.parse(rs.metadata.creationTimestamp) + 3000, now.getTime() - rng.int(600, 30 * 86400) * 1000));
  const started = clamp(created.getTime() + rng.int(2, 40) * 1000);
  const meta = objectMeta(rng, `${rs.metadata.name}-${suffix(rng, 5)}`, rs.metadata.namespace, created, {
    generateName: `${rs.metadata.name}-`,
    labels: { ...template.metadata.labels },
    ownerReferences: [{ ...objectRef(rs), controller: true, blockOwnerDeletion: true }],
  });
  const node = state === "pending" ? undefined : rng.pick(plan.nodes);
  const main = template.spec.containers[0]!;
  const statuses = template.spec.containers.map((c) => {
    const base = { name: c.name, image: c.image, imageID: `${c.image.split(":")[0]}@sha256:${hex(rng, 64)}`, containerID: `containerd://${hex(rng, 64)}` };
    const running = { running: { startedAt: stamp(started) } };
    if (c === main && state === "configerror") {
      const waiting = { reason: "CreateContainerConfigError", message: plan.configError ?? "couldn't find the referenced Secret" };
      return { ...base, containerID: undefined, ready: false, started: false, restartCount: 0, state: { waiting }, lastState: {} };
    }
    if (c !== main || state === "ready" || state === "unready")
      return { ...base, ready: state !== "unready" || c !== main, started: true, restartCount: 0, state: running, lastState: {} };
    const reason = rng.pick(state === "restarted" ? ["Completed", "OOMKilled", "Error"] : ["Error", "Error", "OOMKilled"]);
    const finished = secondsBefore(now, rng.int(20, 280));
    const exitCode = { OOMKilled: 137, Completed: 0, Error: 1 }[reason]!;
    const terminated = {
      exitCode,
      reason,
      startedAt: stamp(secondsBefore(finished, rng.int(5, 120))),
      finishedAt: stamp(finished),
      containerID: `containerd://${hex(rng, 64)}`,
    };
    if (state === "restarted") return { ...base, ready: true, started: true, restartCount: rng.int(1, 3), state: running, lastState: { terminated } };
    const waiting = {
      reason: "CrashLoopBackOff",
      message: `back-off 5m0s restarting failed container=${c.name} pod=${meta.name}_${meta.namespace}(${meta.uid})`,
    };
    return { ...base, ready: false, started: false, restartCount: rng.int(5, 400), state: { waiting }, lastState: { terminated } };
  });
  const ready = state !== "pending" && state !== "configerror" && statuses.every((s) => s.ready);
  const condition = (type: string, ok: boolean, extra: object = {}) => ({
    type,
    status: ok ? "True" : "False",
    lastProbeTime: null,
    lastTransitionTime: stamp(ok ? started : created),
    ...extra,
  });
  const notReady = ready ? {} : { reason: "ContainersNotReady", message: `containers with unready status: [${main.name}]` };
  const unschedulable = `0/${plan.nodes.length} nodes are available: ${plan.nodes.length} Insufficient cpu.`;
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: meta,
    spec: { ...structuredClone(template.spec), ...(node ? { nodeName: node } : {}) },
    status:
      state === "pending"
        ? { phase: "Pending", conditions: [condition("PodScheduled", false, { reason: "Unschedulable", message: unschedulable })], qosClass: "Burstable" }
        : {
            // A container that never started leaves the pod Pending, as the kubelet reports it.
            phase: state === "configerror" ? "Pending" : "Running",
            conditions: [
              condition("Initialized", true),
              condition("Ready", ready, notReady),
              condition("ContainersReady", ready, notReady),
              condition("PodScheduled", true),
            ],
            hostIP: `172.20.${rng.int(32, 191)}.${rng.int(1, 254)}`,
            podIP: `172.20.${rng.int(32, 191)}.${rng.int(1, 254)}`,
            startTime: stamp(created),
            containerStatuses: statuses,
            qosClass: "Burstable",
          },
  };
  if (state === "pending")
    return {
      pod,
      ready,
      events: [{ type: "Warning", reason: "FailedScheduling", message: unschedulable, involved: pod, component: "default-scheduler", count: rng.int(3, 40) }],
    };
  const kubelet = { involved: pod, component: "kubelet", host: node, fieldPath: `spec.containers{${main.name}}`, count: 1 } as const;
  const events: EventSeed[] = [
    {
      type: "Normal",
      reason: "Scheduled",
      message: `Successfully assigned ${meta.namespace}/${meta.name} to ${node}`,
      involved: pod,
      component: "default-scheduler",
      count: 1,
    },
    { ...kubelet, type: "Normal", reason: "Pulled", message: `Container image "${main.image}" already present on machine` },
    { ...kubelet, type: "Normal", reason: "Created", message: `Created container ${main.name}` },
    { ...kubelet, type: "Normal", reason: "Started", message: `Started container ${main.name}` },
  ];
  const backOff = `Back-off restarting failed container ${main.name} in pod ${meta.name}_${meta.namespace}(${meta.uid})`;
  if (state === "configerror") {
    events.splice(1);
    events.push({
      ...kubelet,
      type: "Warning",
      reason: "Failed",
      message: `Error: ${plan.configError ?? "couldn't find the referenced Secret"}`,
      count: rng.int(3, 60),
    });
  }
  if (state === "crashloop") events.push({ ...kubelet, type: "Warning", reason: "BackOff", message: backOff, count: rng.int(20, 900) });
  if (state === "unready")
    events.push({
      ...kubelet,
      type: "Warning",
      reason: "Unhealthy",
      message: "Readiness probe failed: HTTP probe failed with statuscode: 503",
      count: rng.int(3, 60),
    });
  return { pod, ready, events };
}
