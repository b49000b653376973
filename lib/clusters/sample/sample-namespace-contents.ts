import type { Rng } from "../../environments/sample/create-rng";
import { secondsBefore, type KubeObject } from "./kube-object";
import { pickEvents } from "./sample-events";
import { ECR_REGISTRY, imageTag, namespaceBase } from "./sample-names";
import { sampleQuota, sampleSecrets } from "./sample-namespace-objects";
import { sampleWorkload, type WorkloadHealth } from "./sample-workload";

export interface NamespaceContentsPlan {
  namespace: string;
  team: string;
  /** When the namespace was created; everything in it is younger. */
  created: Date;
  now: Date;
  nodes: string[];
  /** Fixed apps (platform add-ons); by default 1-3 apps named after the namespace. */
  apps?: { app: string; image: string }[];
  /** No sidecar containers: the Deployments run exactly the images asked for (a test's chosen images). */
  noSidecars?: boolean;
  /** Only healthy workloads, one replica set each (a namespace the pipeline just applied). */
  allHealthy?: boolean;
  /** hard.pods of the ResourceQuota; none when absent (platform namespaces have none). */
  podsQuota?: number;
}

const SIDECARS = ["docker.io/bitnami/nginx:1.25.4", "cr.fluentbit.io/fluent/fluent-bit:3.0.4", "docker.io/library/redis:7.2-alpine"];

/** What runs in one namespace: Secrets, a ResourceQuota, Deployments with ReplicaSets and Pods, and a few Events. */
export function sampleNamespaceContents(rng: Rng, plan: NamespaceContentsPlan): KubeObject[] {
  const { namespace, team, now } = plan;
  const base = namespaceBase(namespace);
  const apps =
    plan.apps ??
    rng.sample(["api", "ui", "worker", "admin", "jobs"], plan.allHealthy ? 1 : rng.int(1, 3)).map((part, i) => {
      const app = i === 0 && rng.chance(0.5) ? base : `${base}-${part}`;
      return { app, image: `${ECR_REGISTRY}/${team}/${app}:${imageTag(rng)}` };
    });
  const age = (now.getTime() - plan.created.getTime()) / 1000;
  const workloads = apps.map(({ app, image }) => {
    const health: WorkloadHealth = plan.allHealthy
      ? "healthy"
      : rng.weighted([
          ["healthy", 84],
          ["crashloop", 6],
          ["stalled", 4],
          ["rolling", 6],
        ] as const);
    return sampleWorkload(rng, {
      namespace,
      app,
      image,
      // The chance is drawn either way, so samples made without the option stay as they were.
      sidecar: rng.chance(0.25) && !plan.noSidecars ? rng.pick(SIDECARS) : undefined,
      replicas: plan.allHealthy ? rng.int(1, 2) : rng.int(1, 4),
      health,
      // Stalled deployments are new: the progress deadline (10 minutes) passed not long ago.
      created: secondsBefore(now, Math.min(age, health === "stalled" ? rng.int(900, 86400) : rng.int(Math.floor(Math.min(age, 3600) / 2), Math.floor(age)))),
      now,
      nodes: plan.nodes,
    });
  });
  const objects = workloads.flatMap((w) => w.objects);
  const pods = objects.filter((o) => o.kind === "Pod");
  const contents = sampleSecrets(rng, namespace, apps[0]?.app ?? base, plan.created, { rds: !plan.allHealthy && rng.chance(0.4), docker: rng.chance(0.3) });
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
