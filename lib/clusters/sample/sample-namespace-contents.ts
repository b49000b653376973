import type { Rng } from "../../environments/sample/create-rng";
import { secondsBefore, type KubeObject } from "./kube-object";
import { pickEvents } from "./sample-events";
import { ECR_REGISTRY, imageTag, namespaceBase } from "./sample-names";
import { envName } from "../env-snippet";
import { sampleConfigMaps, sampleQuota, sampleSecrets } from "./sample-namespace-objects";
import { sampleWorkload, type WorkloadHealth, type WorkloadReads } from "./sample-workload";

export interface NamespaceContentsPlan {
  namespace: string;
  team: string;
  /** When the namespace was created; everything in it is younger. */
  created: Date;
  now: Date;
  nodes: string[];
  /**
   * Fixed apps (platform add-ons, an application's deployments); by default 1-3 apps named after the namespace.
   * `sidecar` (null: none) replaces the drawn one; `earlier` are the images of earlier revisions, newest first.
   */
  apps?: { app: string; image: string; sidecar?: string | null; earlier?: string[] }[];
  /** No sidecar containers: the Deployments run exactly the images asked for (a test's chosen images). */
  noSidecars?: boolean;
  /** Only healthy workloads, one replica set each (a namespace the pipeline just applied). */
  allHealthy?: boolean;
  /** hard.pods of the ResourceQuota; none when absent (platform namespaces have none). */
  podsQuota?: number;
  /** The Secrets the repository's kubernetes_secret blocks declare: written as Terraform would, and read by the first app. */
  secrets?: { name: string; keys: string[] }[];
}

const SIDECARS = ["docker.io/bitnami/nginx:1.25.4", "cr.fluentbit.io/fluent/fluent-bit:3.0.4", "docker.io/library/redis:7.2-alpine"];

/**
 * What runs in one namespace: Secrets, ConfigMaps, a ResourceQuota, Deployments with ReplicaSets and Pods, and a
 * few Events. The first app reads every declared Secret's keys (secretKeyRef) and its own `<app>-secrets`
 * (envFrom); every app its `<app>-config` (envFrom and a volume). Now and then the first app's new revision
 * reads a key its Secret lacks and is stuck in CreateContainerConfigError.
 */
export function sampleNamespaceContents(rng: Rng, plan: NamespaceContentsPlan): KubeObject[] {
  const { namespace, team, now } = plan;
  const base = namespaceBase(namespace);
  const apps: NonNullable<NamespaceContentsPlan["apps"]> =
    plan.apps ??
    rng.sample(["api", "ui", "worker", "admin", "jobs"], plan.allHealthy ? 1 : rng.int(1, 3)).map((part, i) => {
      const app = i === 0 && rng.chance(0.5) ? base : `${base}-${part}`;
      return { app, image: `${ECR_REGISTRY}/${team}/${app}:${imageTag(rng)}` };
    });
  const age = (now.getTime() - plan.created.getTime()) / 1000;
  const first = apps[0]?.app ?? base;
  const missingKey = !plan.allHealthy && rng.chance(0.06);
  const workloads = apps.map(({ app, image, ...fixed }, i) => {
    const reads = workloadReads(app, i === 0 ? (plan.secrets ?? []) : null);
    const broken = i === 0 && missingKey;
    const health: WorkloadHealth = broken
      ? "configerror"
      : plan.allHealthy
        ? "healthy"
        : rng.weighted([
            ["healthy", 84],
            ["crashloop", 6],
            ["stalled", 4],
            ["rolling", 6],
          ] as const);
    // The chance is drawn either way, so samples made without the options stay as they were.
    const drawn = rng.chance(0.25) && !plan.noSidecars ? rng.pick(SIDECARS) : undefined;
    return sampleWorkload(rng, {
      namespace,
      app,
      image,
      sidecar: fixed.sidecar === undefined ? drawn : (fixed.sidecar ?? undefined),
      earlierImages: fixed.earlier,
      replicas: plan.allHealthy ? rng.int(1, 2) : rng.int(1, 4),
      health,
      // Stalled deployments are new: the progress deadline (10 minutes) passed not long ago.
      created: secondsBefore(now, Math.min(age, health === "stalled" ? rng.int(900, 86400) : rng.int(Math.floor(Math.min(age, 3600) / 2), Math.floor(age)))),
      now,
      nodes: plan.nodes,
      ...(broken
        ? {
            reads: {
              ...reads,
              env: [...(reads.env ?? []), { name: "REDIS_URL", valueFrom: { secretKeyRef: { name: `${first}-secrets`, key: "REDIS_URL" } } }],
            },
            previousReads: reads,
            configError: `couldn't find key REDIS_URL in Secret ${namespace}/${first}-secrets`,
          }
        : { reads }),
    });
  });
  const objects = workloads.flatMap((w) => w.objects);
  const pods = objects.filter((o) => o.kind === "Pod");
  const contents = sampleSecrets(rng, namespace, first, plan.created, {
    rds: !plan.allHealthy && !plan.secrets?.length && rng.chance(0.4),
    docker: rng.chance(0.3),
    declared: plan.secrets,
  });
  contents.push(
    ...sampleConfigMaps(
      rng,
      namespace,
      apps.map((a) => a.app),
      plan.created,
    ),
  );
  if (plan.podsQuota !== undefined) contents.push(sampleQuota(rng, namespace, pods, plan.created, plan.podsQuota));
  contents.push(
    ...objects,
    ...pickEvents(
      rng,
      workloads.flatMap((w) => w.events),
      now,
    ),
  );
  return contents;
}

/** The first app (`declared` given) reads the declared Secrets key by key and its own Secret whole; every app its ConfigMap. */
function workloadReads(app: string, declared: { name: string; keys: string[] }[] | null): WorkloadReads {
  const env: object[] = (declared ?? []).flatMap((s) => s.keys.map((key) => ({ name: envName(key), valueFrom: { secretKeyRef: { name: s.name, key } } })));
  if (declared) env.push({ name: "FEATURE_FLAGS", valueFrom: { configMapKeyRef: { name: `${app}-feature-flags`, key: "flags", optional: true } } });
  return {
    env,
    envFrom: [...(declared ? [{ secretRef: { name: `${app}-secrets` } }] : []), { configMapRef: { name: `${app}-config` } }],
    volumeMounts: [{ name: "config", mountPath: "/config", readOnly: true }],
    volumes: [{ name: "config", configMap: { name: `${app}-config` } }],
  };
}
