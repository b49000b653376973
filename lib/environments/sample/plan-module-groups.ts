import { IRSA_POLICY_MODULES } from "../requests/resource-request";
import type { Rng } from "./create-rng";
import { olderVersions } from "./older-versions";
import type { SampleModuleGroup } from "./sample-namespace";
import { queueWords } from "./sample-words";

/**
 * Chance that an application uses a module, tuned so that uses per namespace
 * follow the real repository's table (sqs 1.2, serviceaccount 0.83, irsa 0.73,
 * rds-instance 0.65, ecr-credentials 0.44, s3-bucket 0.31, elasticache-cluster
 * 0.29, secrets-manager 0.13, sns-topic 0.03, dynamodb-cluster 0.01).
 */
const useChance: Record<string, number> = {
  sqs: 0.28,
  serviceaccount: 0.8,
  "rds-instance": 0.6,
  "ecr-credentials": 0.44,
  "s3-bucket": 0.28,
  "elasticache-cluster": 0.29,
  "secrets-manager": 0.13,
  "sns-topic": 0.03,
  "dynamodb-cluster": 0.011,
};
const unknownModuleChance = 0.1;
/** Modules whose outputs include an `irsa_policy_arn` an irsa module can reference. */
export const irsaPolicyModules = IRSA_POLICY_MODULES;
/** Share of module pins left on an older release. */
const lagChance = 0.25;

/** Which modules an application uses, with instance names; refs are chosen per namespace. */
export function planApplicationModules(rng: Rng, catalogue: Record<string, string>): SampleModuleGroup[] {
  const groups: SampleModuleGroup[] = [];
  for (const [name, ref] of Object.entries(catalogue)) {
    if (name === "irsa") continue;
    if (!rng.chance(useChance[name] ?? unknownModuleChance)) continue;
    const group: SampleModuleGroup = { module: name, ref, instances: instancesOf(rng, name), variant: rng.int(0, 9) };
    // About a fifth of real rds-instance blocks are read replicas left switched off (count = 0).
    if (name === "rds-instance" && rng.chance(0.24)) group.disabledReplica = true;
    groups.push(group);
  }
  if ("irsa" in catalogue) {
    const needsIrsa = groups.some((g) => irsaPolicyModules.has(g.module));
    if (rng.chance(needsIrsa ? 0.85 : 0.1)) groups.push({ module: "irsa", ref: catalogue.irsa!, instances: ["irsa"], variant: rng.int(0, 9) });
  }
  return groups;
}

/** An environment's copy of the application's modules: mostly all of them, pins sometimes lagging. */
export function planNamespaceModules(rng: Rng, appGroups: SampleModuleGroup[], catalogue: Record<string, string>): SampleModuleGroup[] {
  const kept = appGroups.filter(() => rng.chance(0.95));
  const hasPolicySource = kept.some((g) => irsaPolicyModules.has(g.module));
  return kept
    .filter((g) => g.module !== "irsa" || hasPolicySource || rng.chance(0.5))
    .map((g) => {
      const older = olderVersions(catalogue[g.module] ?? g.ref);
      const ref = older.length > 0 && rng.chance(lagChance) ? rng.weighted(older.map((v, i) => [v, 1 / (i + 1)] as const)) : g.ref;
      return { ...g, ref, instances: [...g.instances] };
    });
}

function instancesOf(rng: Rng, name: string): string[] {
  switch (name) {
    case "sqs":
      return rng
        .sample(
          queueWords,
          rng.weighted([
            [1, 3],
            [2, 3],
            [3, 2],
            [4, 2],
          ]),
        )
        .flatMap((w) => (rng.chance(0.85) ? [`${w}_queue`, `${w}_dlq`] : [`${w}_queue`]));
    case "rds-instance":
      return rng.chance(0.12) ? ["rds", "reporting_rds"] : ["rds"];
    case "s3-bucket":
      return rng.chance(0.1) ? ["s3_bucket", "uploads_bucket"] : ["s3_bucket"];
    case "serviceaccount":
      // 163 of ~1,150 real namespaces with a serviceaccount block have several.
      return rng.chance(0.14) ? ["serviceaccount", "serviceaccount_ci"] : ["serviceaccount"];
    case "ecr-credentials":
      return ["ecr"];
    case "elasticache-cluster":
      return ["elasticache_redis"];
    case "secrets-manager":
      return ["secrets_manager"];
    case "sns-topic":
      return ["sns_topic"];
    case "dynamodb-cluster":
      return ["dynamodb"];
    default:
      return [name.replace(/[^a-zA-Z0-9_]/g, "_")];
  }
}
