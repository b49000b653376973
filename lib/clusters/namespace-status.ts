import type { ClusterCache } from "./cluster-cache";
import type { ContainerImage, DeploymentRecord, EventRecord, PodRecord, ReplicaSetRecord, SecretRecord } from "./kinds";
import { parseQuantity } from "./quantity";

export type RolloutStatus = "complete" | "progressing" | "failed" | "paused";

export interface LiveDeployment extends DeploymentRecord {
  rollout: RolloutStatus;
  healthy: boolean;
  /** Its ReplicaSets, newest revision first: what runs now and what ran before. */
  revisions: Revision[];
  /** Why the current rollout does not finish (empty when it is complete and healthy). */
  stuck: string[];
}

export interface Revision {
  replicaSet: string;
  revision: number | null;
  images: ContainerImage[];
  createdAt: string | null;
  desired: number;
  ready: number;
  current: boolean;
}

export interface LivePod extends PodRecord {
  deployment: string | null;
}

export interface QuotaLine {
  quota: string;
  resource: string;
  used: string;
  hard: string;
  /** Used as a share of hard, 0-100+, when both are quantities. */
  percent: number | null;
}

export interface NamespaceLive {
  /** Null when the namespace is not in the cluster. */
  phase: "Active" | "Terminating" | null;
  deployments: LiveDeployment[];
  pods: LivePod[];
  secrets: SecretRecord[];
  /** Warnings first, then newest first. */
  events: EventRecord[];
  quota: QuotaLine[];
}

/** Everything the cache knows about one namespace, shaped for its page. */
export function namespaceStatus(cache: ClusterCache, name: string): NamespaceLive {
  const objects = cache.objectsIn(name);
  const deploymentByUid = new Map([...objects.deployments.values()].map((d) => [d.uid, d.name]));
  const deploymentOfReplicaSet = new Map(
    [...objects.replicasets.values()].map((rs) => [rs.name, rs.deploymentUid ? (deploymentByUid.get(rs.deploymentUid) ?? null) : null]),
  );
  const pods = [...objects.pods.values()]
    .sort(byName)
    .map((pod) => ({ ...pod, deployment: pod.replicaSet ? (deploymentOfReplicaSet.get(pod.replicaSet) ?? null) : null }));
  const replicaSetsOf = new Map<string, ReplicaSetRecord[]>();
  for (const rs of objects.replicasets.values()) {
    if (!rs.deploymentUid) continue;
    const sets = replicaSetsOf.get(rs.deploymentUid);
    if (sets) sets.push(rs);
    else replicaSetsOf.set(rs.deploymentUid, [rs]);
  }
  return {
    phase: cache.namespaces.get(name)?.phase ?? null,
    deployments: [...objects.deployments.values()].sort(byName).map((d) => {
      const live = { ...d, rollout: rolloutStatus(d), healthy: isHealthy(d) };
      const revisions = rolloutHistory(replicaSetsOf.get(d.uid) ?? []);
      const stuck =
        live.rollout === "complete" && live.healthy
          ? []
          : stuckReasons(
              d,
              pods.filter((p) => p.deployment === d.name),
            );
      return { ...live, revisions, stuck };
    }),
    pods,
    secrets: [...objects.secrets.values()].sort(byName),
    events: [...objects.events.values()].sort(warningsThenNewest),
    quota: [...objects.resourcequotas.values()].sort(byName).flatMap((q) =>
      Object.entries(q.hard)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([resource, hard]) => quotaLine(q.name, resource, q.used[resource] ?? "0", hard)),
    ),
  };
}

/** As `kubectl rollout status` decides it. */
export function rolloutStatus(d: DeploymentRecord): RolloutStatus {
  const progressing = d.conditions.find((c) => c.type === "Progressing");
  if (progressing?.reason === "ProgressDeadlineExceeded") return "failed";
  if (d.paused) return "paused";
  if (d.observedGeneration < d.generation) return "progressing";
  if (d.updated < d.desired || d.current > d.updated || d.available < d.updated) return "progressing";
  return "complete";
}

/** A deployment's ReplicaSets as revisions, newest first; the newest is the one rolling out or running. */
export function rolloutHistory(replicaSets: ReplicaSetRecord[]): Revision[] {
  const sorted = [...replicaSets].sort((a, b) => (b.revision ?? -1) - (a.revision ?? -1) || (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
  return sorted.map((rs, i) => ({
    replicaSet: rs.name,
    revision: rs.revision,
    images: rs.images,
    createdAt: rs.createdAt,
    desired: rs.desired,
    ready: rs.ready,
    current: i === 0,
  }));
}

/**
 * Why a rollout is stuck, as `kubectl rollout status` and `kubectl describe`
 * would show it: the Progressing condition past its deadline, a ReplicaFailure
 * (quota, admission), and what its pods are waiting on.
 */
export function stuckReasons(d: DeploymentRecord, pods: PodRecord[]): string[] {
  const reasons: string[] = [];
  const progressing = d.conditions.find((c) => c.type === "Progressing");
  if (progressing?.reason === "ProgressDeadlineExceeded") reasons.push(`Progress deadline exceeded${progressing.message ? `: ${progressing.message}` : ""}`);
  const failure = d.conditions.find((c) => c.type === "ReplicaFailure" && c.status === "True");
  if (failure) reasons.push(`${failure.reason ?? "ReplicaFailure"}${failure.message ? `: ${failure.message}` : ""}`);
  const waiting = new Map<string, number>();
  for (const pod of pods) {
    const why = pod.waitingReason ?? (pod.phase === "Pending" ? "Pending (not scheduled or not started)" : null);
    if (why && !pod.deleting) waiting.set(why, (waiting.get(why) ?? 0) + 1);
  }
  for (const [why, n] of [...waiting].sort(([a], [b]) => a.localeCompare(b))) reasons.push(`${n} pod${n === 1 ? "" : "s"} ${why}`);
  if (d.paused) reasons.push("Paused (kubectl rollout resume continues it)");
  return reasons;
}

/** Healthy: every desired replica ready and the rollout not failed. */
export function isHealthy(d: DeploymentRecord): boolean {
  return d.ready >= d.desired && rolloutStatus(d) !== "failed";
}

/** The inventory's view of a namespace in a cluster whose data is known. */
export function namespaceSummary(cache: ClusterCache, name: string): { status: "live" | "missing" | "terminating"; unhealthyDeployments: number } {
  const phase = cache.namespaces.get(name)?.phase;
  let unhealthy = 0;
  for (const d of cache.objectsIn(name).deployments.values()) if (!isHealthy(d)) unhealthy++;
  return { status: phase === undefined ? "missing" : phase === "Terminating" ? "terminating" : "live", unhealthyDeployments: unhealthy };
}

function quotaLine(quota: string, resource: string, used: string, hard: string): QuotaLine {
  const u = parseQuantity(used);
  const h = parseQuantity(hard);
  return { quota, resource, used, hard, percent: u !== null && h !== null && h > 0 ? Math.round((u / h) * 100) : null };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}

function warningsThenNewest(a: EventRecord, b: EventRecord): number {
  if ((a.type === "Warning") !== (b.type === "Warning")) return a.type === "Warning" ? -1 : 1;
  return (b.lastSeen ?? "").localeCompare(a.lastSeen ?? "");
}
