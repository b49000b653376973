import type { ClusterCache } from "./cluster-cache";
import type { DeploymentRecord, EventRecord, PodRecord, SecretRecord } from "./kinds";
import { parseQuantity } from "./quantity";

export type RolloutStatus = "complete" | "progressing" | "failed" | "paused";

export interface LiveDeployment extends DeploymentRecord {
  rollout: RolloutStatus;
  healthy: boolean;
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
  return {
    phase: cache.namespaces.get(name)?.phase ?? null,
    deployments: [...objects.deployments.values()].sort(byName).map((d) => ({ ...d, rollout: rolloutStatus(d), healthy: isHealthy(d) })),
    pods: [...objects.pods.values()]
      .sort(byName)
      .map((pod) => ({ ...pod, deployment: pod.replicaSet ? (deploymentOfReplicaSet.get(pod.replicaSet) ?? null) : null })),
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
