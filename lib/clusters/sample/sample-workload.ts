import type { Rng } from "../../environments/sample/create-rng";
import { secondsBefore, stamp, type KubeObject } from "./kube-object";
import { objectRef, type EventSeed } from "./sample-events";
import { imageTag, objectMeta, suffix } from "./sample-names";
import { samplePod, type PodState, type PodTemplate } from "./sample-pod";

/**
 * healthy: every replica ready; crashloop: one pod in CrashLoopBackOff;
 * stalled: pods that cannot be scheduled, past the progress deadline;
 * rolling: a rollout half way, with an old and a new ReplicaSet;
 * configerror: the new revision reads a Secret key that does not exist, so
 * its pods wait in CreateContainerConfigError past the progress deadline.
 */
export type WorkloadHealth = "healthy" | "crashloop" | "stalled" | "rolling" | "configerror";

/** What the main container reads from Secrets and ConfigMaps, as pod-spec fragments. */
export interface WorkloadReads {
  env?: object[];
  envFrom?: object[];
  volumeMounts?: object[];
  volumes?: object[];
}

export interface WorkloadPlan {
  namespace: string;
  app: string;
  /** The main container's image; a sidecar image adds a second container. */
  image: string;
  sidecar?: string;
  /** Images of the earlier revisions, newest first (an application's releases); drawn tags when absent. */
  earlierImages?: string[];
  replicas: number;
  health: WorkloadHealth;
  /** When the Deployment was created; its current revision rolled out later. */
  created: Date;
  now: Date;
  nodes: string[];
  reads?: WorkloadReads;
  /** What earlier revisions read (default: the same). */
  previousReads?: WorkloadReads;
  /** For configerror: the kubelet's message. */
  configError?: string;
}

const FIRST_POD: Record<WorkloadHealth, PodState> = {
  healthy: "ready",
  crashloop: "crashloop",
  stalled: "pending",
  rolling: "unready",
  configerror: "configerror",
};
/** ReplicaSets of earlier revisions kept (scaled to zero) besides the one before the current. */
const OLDER_REVISIONS = 3;

/** A Deployment with its ReplicaSets and Pods, and the events they would have caused. */
export function sampleWorkload(rng: Rng, plan: WorkloadPlan): { objects: KubeObject[]; events: EventSeed[] } {
  const { app, replicas, health, now } = plan;
  const revision = health === "stalled" ? 1 : rng.int(health === "rolling" || health === "configerror" ? 2 : 1, 30);
  const settled = secondsBefore(now, 900).getTime();
  const rolledOut = health === "stalled" || plan.created.getTime() >= settled ? plan.created : new Date(rng.int(plan.created.getTime(), settled));
  const annotations = { "deployment.kubernetes.io/revision": String(revision) };
  const template = podTemplate(rng, plan, plan.image);
  const deployment: KubeObject = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: objectMeta(rng, app, plan.namespace, plan.created, { generation: revision, labels: { app }, annotations }),
    spec: {
      replicas,
      selector: { matchLabels: { app } },
      template,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
  };
  // The current revision's pods, then the previous revision's: scaled to zero unless a rollout is under way.
  const current = { rs: replicaSet(rng, deployment, template, revision, rolledOut, plan), states: [FIRST_POD[health]] };
  if (health !== "rolling")
    for (let i = 1; i < replicas; i++) current.states.push(health === "stalled" ? "pending" : FIRST_POD[health] === "configerror" ? "configerror" : "ready");
  const sets = [current];
  let before = rolledOut;
  // The previous revision still runs while a rollout is under way (or stuck on its new pods' config); older ones are scaled to zero.
  for (let r = revision - 1; r >= Math.max(1, revision - 1 - OLDER_REVISIONS); r--) {
    const drawn = plan.image.replace(/:[^:/]+$/, `:${imageTag(rng)}`);
    const old = podTemplate(rng, { ...plan, reads: plan.previousReads ?? plan.reads }, plan.earlierImages?.[revision - 1 - r] ?? drawn);
    before = secondsBefore(before, rng.int(3600, 40 * 86400));
    const rs = replicaSet(rng, deployment, old, r, before, plan);
    const running = r === revision - 1 && (health === "rolling" || health === "configerror");
    sets.push({ rs, states: running ? Array<PodState>(Math.max(1, replicas - 1)).fill("ready") : [] });
  }

  const objects: KubeObject[] = [deployment];
  const events: EventSeed[] = [];
  const count = { ready: 0, total: 0, updated: 0 };
  for (const { rs, states } of sets) {
    const t = (rs.spec as { template: PodTemplate }).template;
    // Some long-running pods have restarted once or twice; a Deployment made in the last 15 minutes has not.
    const restarted = (state: PodState) => (state === "ready" && plan.created.getTime() < settled && rng.chance(0.1) ? "restarted" : state);
    const pods = states.map((state) =>
      samplePod(rng, { replicaSet: rs, template: t, state: restarted(state), nodes: plan.nodes, now, configError: plan.configError }),
    );
    const ready = pods.filter((p) => p.ready).length;
    rs.spec = { ...(rs.spec as object), replicas: pods.length };
    rs.status = {
      replicas: pods.length,
      ...omitZero({ fullyLabeledReplicas: pods.length, readyReplicas: ready, availableReplicas: ready }),
      observedGeneration: rs === current.rs ? 1 : 2,
    };
    objects.push(rs, ...pods.map((p) => p.pod));
    events.push(...pods.flatMap((p) => p.events));
    Object.assign(count, { ready: count.ready + ready, total: count.total + pods.length, updated: rs === current.rs ? pods.length : count.updated });
  }

  const condition = (type: string, ok: boolean, reason: string, message: string, since: Date) => {
    return { type, status: ok ? "True" : "False", lastUpdateTime: stamp(since), lastTransitionTime: stamp(since), reason, message };
  };
  const rsName = current.rs.metadata.name;
  const lately = () => secondsBefore(now, rng.int(60, 7200));
  const progressing = {
    healthy: () => condition("Progressing", true, "NewReplicaSetAvailable", `ReplicaSet "${rsName}" has successfully progressed.`, rolledOut),
    stalled: () => condition("Progressing", false, "ProgressDeadlineExceeded", `ReplicaSet "${rsName}" has timed out progressing.`, lately()),
    rolling: () => condition("Progressing", true, "ReplicaSetUpdated", `ReplicaSet "${rsName}" is progressing.`, secondsBefore(now, rng.int(5, 240))),
  }[health === "crashloop" ? "healthy" : health === "configerror" ? "stalled" : health]();
  // maxUnavailable 25%, rounded down, as the deployment controller computes it.
  const available = count.ready >= replicas - Math.floor(replicas * 0.25);
  deployment.status = {
    observedGeneration: revision,
    replicas: count.total,
    ...omitZero({
      updatedReplicas: count.updated,
      readyReplicas: count.ready,
      availableReplicas: count.ready,
      unavailableReplicas: Math.max(0, replicas - count.ready),
    }),
    conditions: [
      available
        ? condition("Available", true, "MinimumReplicasAvailable", "Deployment has minimum availability.", rolledOut)
        : condition("Available", false, "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", lately()),
      progressing,
    ],
  };
  const message = `Scaled up replica set ${rsName} to ${health === "rolling" ? 1 : replicas}`;
  events.push({ type: "Normal", reason: "ScalingReplicaSet", message, involved: deployment, component: "deployment-controller", count: 1 });
  return { objects, events };
}

/** Kubernetes leaves zero counts out of status (omitempty); clients must cope, so the sample does too. */
function omitZero(fields: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(fields).filter(([, n]) => n !== 0));
}

function podTemplate(rng: Rng, plan: WorkloadPlan, image: string): PodTemplate {
  const resources = (cpu: string, memory: string, cpuLimit: string, memoryLimit: string) => ({
    requests: { cpu, memory },
    limits: { cpu: cpuLimit, memory: memoryLimit },
  });
  const probe = { httpGet: { path: "/health", port: 8080, scheme: "HTTP" }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };
  const main = {
    name: plan.app,
    image,
    ports: [{ containerPort: 8080, protocol: "TCP" }],
    resources: resources(
      rng.pick(["10m", "50m", "100m", "250m"]),
      rng.pick(["100Mi", "128Mi", "256Mi", "512Mi"]),
      rng.pick(["500m", "1", "2"]),
      rng.pick(["512Mi", "1Gi", "2Gi"]),
    ),
    readinessProbe: probe,
    imagePullPolicy: "IfNotPresent",
    ...(plan.reads?.env?.length ? { env: plan.reads.env } : {}),
    ...(plan.reads?.envFrom?.length ? { envFrom: plan.reads.envFrom } : {}),
    ...(plan.reads?.volumeMounts?.length ? { volumeMounts: plan.reads.volumeMounts } : {}),
  };
  const sidecar = plan.sidecar && {
    name: "sidecar",
    image: plan.sidecar,
    resources: resources("10m", "100Mi", "500m", "512Mi"),
    imagePullPolicy: "IfNotPresent",
  };
  const containers = sidecar ? [main, sidecar] : [main];
  const volumes = plan.reads?.volumes?.length ? { volumes: plan.reads.volumes } : {};
  return {
    metadata: { labels: { app: plan.app } },
    spec: { containers, ...volumes, restartPolicy: "Always", serviceAccountName: "default", securityContext: {} },
  };
}

function replicaSet(rng: Rng, deployment: KubeObject, template: PodTemplate, revision: number, created: Date, plan: WorkloadPlan): KubeObject {
  const hash = suffix(rng, rng.int(9, 10));
  const labels = { ...template.metadata.labels, "pod-template-hash": hash };
  const annotations = {
    "deployment.kubernetes.io/desired-replicas": String(plan.replicas),
    "deployment.kubernetes.io/max-replicas": String(plan.replicas + Math.ceil(plan.replicas * 0.25)),
    "deployment.kubernetes.io/revision": String(revision),
  };
  const ownerReferences = [{ ...objectRef(deployment), controller: true, blockOwnerDeletion: true }];
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: objectMeta(rng, `${deployment.metadata.name}-${hash}`, plan.namespace, created, { generation: 1, labels, annotations, ownerReferences }),
    spec: { replicas: 0, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: template.spec } },
  };
}
