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
  const blocks = group.instances.map((instance, i) => {
    const block = renderModuleBlock(instance, source, specFor(group, instance, ns), secretNameFor(group.module, instance));
    return group.module === "serviceaccount" && i > 0 ? withOwnRoleNames(block, instance, ns) : block;
  });
  if (group.module === "rds-instance" && group.disabledReplica)
    blocks.push(disabledReplica(source, group.instances[0]!, specFor(group, group.instances[0]!, ns)));
  return [`resources/${fileNames[group.module] ?? `${group.module}.tf`}`, blocks.join("\n")];
}

/**
 * A second serviceaccount block names its own Role and RoleBinding: the
 * module's defaults would collide with the first block's (every real
 * multi-serviceaccount namespace sets them).
 */
function withOwnRoleNames(block: string, instance: string, ns: SampleNamespace): string {
  if (/^\s*role_name\s*=/m.test(block)) return block;
  const dash = instance.replace(/_/g, "-");
  return block.replace(
    /^(module "[^"]+" \{\n  source = "[^"]*"\n)/,
    `$1\n  serviceaccount_name = "${ns.applicationSlug}-${dash}"\n  role_name           = "${ns.applicationSlug}-${dash}-role"\n  rolebinding_name    = "${ns.applicationSlug}-${dash}-rolebinding"\n`,
  );
}

/** A read replica left switched off (`count = 0`), as the platform's rds template ships it; its Secret is off too. */
function disabledReplica(source: string, primary: string, spec: ModuleBlockSpec): string {
  const rds = spec.module === "rds-instance" ? spec : { engineVersion: "16", instanceClass: "db.t4g.micro" };
  return `module "read_replica" {
  # default off
  count  = 0
  source = "${source}"

  vpc_name = var.vpc_name

  # Tags
  application            = var.application
  business_unit          = var.business_unit
  environment_name       = var.environment
  infrastructure_support = var.infrastructure_support
  is_production          = var.is_production
  namespace              = var.namespace
  team_name              = var.team_name

  # It is mandatory to set the below values to create read replica instance
  db_name             = null
  replicate_source_db = module.${primary}.db_identifier

  # No backups or snapshots are created for a read replica
  skip_final_snapshot        = "true"
  db_backup_retention_period = 0

  db_engine_version = "${rds.engineVersion}"
  rds_family        = "postgres${rds.engineVersion}"
  db_instance_class = "${rds.instanceClass}"

  providers = {
    aws = aws.london
  }
}

resource "kubernetes_secret" "read_replica" {
  # default off
  count = 0

  metadata {
    name      = "rds-postgresql-read-replica-output"
    namespace = var.namespace
  }

  data = {
    rds_instance_endpoint = module.read_replica[0].rds_instance_endpoint
    rds_instance_address  = module.read_replica[0].rds_instance_address
  }
}
`;
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
