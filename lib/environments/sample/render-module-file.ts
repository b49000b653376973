import type { PlatformProfile } from "../profile/profile";
import { moduleSourceFor, renderModuleBlock, type ModuleBlockSpec } from "../render/render-module-block";
import { irsaPolicyModules } from "./plan-module-groups";
import type { SampleModuleGroup, SampleNamespace } from "./sample-namespace";

const fileNames: Record<string, string> = {
  "rds-instance": "rds.tf",
  "ecr-credentials": "ecr.tf",
  "s3-bucket": "s3.tf",
  "elasticache-cluster": "elasticache.tf",
  "sns-topic": "sns.tf",
  "dynamodb-cluster": "dynamodb.tf",
};

/** The sample's token rotation date: fixed, so the generator stays deterministic. */
const TOKEN_ROTATED = "2026-01-05";

/** The group's file name under resources/ and its contents. */
export function renderModuleFile(group: SampleModuleGroup, ns: SampleNamespace, profile: PlatformProfile): [string, string] {
  const source = moduleSourceFor(profile, group.module, group.ref);
  const blocks = group.instances.map((instance) => renderModuleBlock(instance, source, specFor(group, instance, ns), secretNameFor(group.module, instance)));
  return [`resources/${fileNames[group.module] ?? `${group.module}.tf`}`, blocks.join("\n")];
}

function secretNameFor(module: string, instance: string): string {
  const dash = instance.replace(/_/g, "-");
  if (module === "sqs") return `sqs-${dash}-output`;
  if (module === "rds-instance") return `${dash}-instance-output`;
  return `${dash}-output`;
}

/** The sample's settings for one instance: varied by namespace and variant, always valid. */
function specFor(group: SampleModuleGroup, instance: string, ns: SampleNamespace): ModuleBlockSpec {
  const dash = instance.replace(/_/g, "-");
  switch (group.module) {
    case "sqs": {
      const isDlq = instance.endsWith("_dlq");
      const dlq = instance.replace(/_queue$/, "_dlq");
      return {
        module: "sqs",
        sqsName: dash,
        retentionSeconds: isDlq ? 1209600 : 345600,
        deadLetterOf: !isDlq && group.instances.includes(dlq) ? dlq : undefined,
      };
    }
    case "serviceaccount":
      return {
        module: "serviceaccount",
        githubRepositories: [ns.applicationSlug],
        githubEnvironments: [ns.environment],
        serviceAccountName: dash,
        roleName: `${dash}-role`,
        rolebindingName: `${dash}-rolebinding`,
        tokenRotatedDate: TOKEN_ROTATED,
      };
    case "irsa":
      return {
        module: "irsa",
        serviceAccountName: ns.applicationSlug,
        policies: ns.modules.filter((g) => irsaPolicyModules.has(g.module)).flatMap((g) => g.instances),
      };
    case "rds-instance": {
      const engine = ["14", "14", "14", "14", "15", "16", "16", "13", "12", "14"][group.variant]!;
      const size = ns.isProduction ? (group.variant % 2 === 0 ? "db.t4g.small" : "db.m6g.large") : "db.t4g.micro";
      return { module: "rds-instance", engineVersion: engine, instanceClass: size, performanceInsights: ns.isProduction, autoStartStop: !ns.isProduction };
    }
    case "ecr-credentials":
      return { module: "ecr-credentials", repoName: ns.applicationSlug, githubRepositories: [ns.applicationSlug] };
    case "s3-bucket":
      return { module: "s3-bucket", versioning: group.variant < 5 };
    case "elasticache-cluster":
      return {
        module: "elasticache-cluster",
        nodeType: ns.isProduction ? "cache.t4g.small" : "cache.t4g.micro",
        engineVersion: "7.0",
        enableIrsa: ns.modules.some((g) => g.module === "irsa"),
      };
    case "secrets-manager":
      return { module: "secrets-manager", secretName: `${ns.applicationSlug}-api-key`, description: `API key for ${ns.application}` };
    case "sns-topic":
      return { module: "sns-topic", displayName: `${ns.applicationSlug}-events` };
    case "dynamodb-cluster":
      return { module: "dynamodb-cluster", hashKey: "id", rangeKey: "created_at" };
    default:
      return { module: "other" };
  }
}
