import { escapeHcl } from "./escape-hcl";
import type { PlatformProfile } from "../profile/profile";

/**
 * The HCL of one catalogued module block and the `kubernetes_secret` that
 * exposes its outputs, as the repository writes them. Shared by resource
 * requests and the sample generator so there is one template per module.
 * Labels must be Terraform identifiers (the callers validate them); every
 * other string goes through escapeHcl.
 */
export type ModuleBlockSpec =
  | { module: "sqs"; sqsName: string; retentionSeconds: number; deadLetterOf?: string }
  | {
      module: "serviceaccount";
      githubRepositories: string[];
      githubEnvironments?: string[];
      serviceAccountName?: string;
      /** Set both where a namespace may hold another serviceaccount block: the module's defaults collide. */
      roleName?: string;
      rolebindingName?: string;
      /** Changing it rotates the account's token; YYYY-MM-DD. */
      tokenRotatedDate: string;
    }
  | { module: "irsa"; serviceAccountName: string; policies: string[] }
  | { module: "rds-instance"; engineVersion: string; instanceClass: string; performanceInsights: boolean; autoStartStop: boolean; storageLimitGb?: number }
  | { module: "rds-replica"; replicaOf: string; engineVersion: string; instanceClass: string }
  | { module: "ecr-credentials"; repoName: string; githubRepositories: string[] }
  | { module: "s3-bucket"; versioning: boolean; publicAccessJustification?: string }
  | { module: "elasticache-cluster"; nodeType: string; engineVersion: string; enableIrsa: boolean }
  | { module: "secrets-manager"; secretName: string; description: string }
  | { module: "sns-topic"; displayName: string }
  | { module: "dynamodb-cluster"; hashKey: string; rangeKey?: string }
  | { module: "other" };

/**
 * Output keys of each module's secret, as the repository's namespaces name
 * them (the catalogue's `secretKeys`; a test keeps the two in step). A list
 * output is written through jsonencode(): Secret data is a map of strings.
 */
export const MODULE_SECRET_KEYS: Record<string, string[]> = {
  sqs: ["sqs_id", "sqs_arn", "sqs_name"],
  irsa: ["role", "rolearn", "serviceaccount"],
  "rds-instance": ["rds_instance_endpoint", "database_name", "database_username", "database_password", "rds_instance_address"],
  "rds-replica": ["rds_instance_endpoint", "rds_instance_address"],
  "ecr-credentials": ["repo_arn", "repo_url"],
  "s3-bucket": ["bucket_arn", "bucket_name"],
  "elasticache-cluster": ["primary_endpoint_address", "auth_token", "member_clusters", "replication_group_id"],
  "sns-topic": ["topic_arn"],
  "dynamodb-cluster": ["table_name", "table_arn"],
};

/** A catalogued module's source at a version, from the profile's pattern. */
export function moduleSourceFor(profile: Pick<PlatformProfile, "moduleSource">, module: string, ref: string): string {
  return profile.moduleSource.replace("{module}", module).replace("{ref}", ref);
}

const TAGS = `
  # Tags
  business_unit          = var.business_unit
  application            = var.application
  is_production          = var.is_production
  team_name              = var.team_name
  namespace              = var.namespace
  environment_name       = var.environment
  infrastructure_support = var.infrastructure_support
`;

const LONDON = `
  providers = {
    aws = aws.london
  }
`;

/** Outputs that are lists or maps, which Secret data takes only through jsonencode(). */
const STRUCTURED_OUTPUTS: Record<string, string[]> = { "elasticache-cluster": ["member_clusters"] };

const list = (values: string[]) => `[${values.map(escapeHcl).join(", ")}]`;

/** `module "<label>" { ... }` followed by its outputs secret, if the module has one. `secretName` is the Kubernetes Secret's name. */
export function renderModuleBlock(label: string, source: string, spec: ModuleBlockSpec, secretName: string): string {
  const head = `module "${label}" {\n  source = ${escapeHcl(source)}\n`;
  const structured = STRUCTURED_OUTPUTS[spec.module] ?? [];
  const secretData = (keys: string[]) =>
    Object.fromEntries(keys.map((k) => [k, structured.includes(k) ? `jsonencode(module.${label}.${k})` : `module.${label}.${k}`]));
  const withSecret = (body: string, keys = MODULE_SECRET_KEYS[spec.module]!) => `${head}${body}}\n\n${outputsSecret(label, secretName, secretData(keys))}`;
  switch (spec.module) {
    case "sqs": {
      const redrive = spec.deadLetterOf
        ? `\n  redrive_policy = jsonencode({\n    deadLetterTargetArn = module.${spec.deadLetterOf}.sqs_arn\n    maxReceiveCount     = 3\n  })\n`
        : "";
      return withSecret(`
  # Queue configuration
  sqs_name                  = ${escapeHcl(spec.sqsName)}
  encrypt_sqs_kms           = "true"
  message_retention_seconds = ${spec.retentionSeconds}
${redrive}${TAGS}${LONDON}`);
    }
    case "serviceaccount": {
      const named: [string, string | undefined][] = [
        ["serviceaccount_name", spec.serviceAccountName],
        ["role_name", spec.roleName],
        ["rolebinding_name", spec.rolebindingName],
      ];
      const given = named.filter((n): n is [string, string] => n[1] !== undefined);
      const width = Math.max(0, ...given.map(([k]) => k.length));
      const names = given.map(([k, v]) => `  ${k.padEnd(width)} = ${escapeHcl(v)}\n`);
      return `${head}
  namespace          = var.namespace
  kubernetes_cluster = var.kubernetes_cluster
${names.length === 0 ? "" : `\n  # Own names: the module's default role and rolebinding names collide with another serviceaccount block's\n${names.join("")}`}
  # Changing this date rotates the service account's token
  serviceaccount_token_rotated_date = ${escapeHcl(spec.tokenRotatedDate)}

  # Provide repository names to create GitHub Actions secrets containing the
  # ca.crt and token for use in CI/CD pipelines
  github_repositories = ${list(spec.githubRepositories)}
${spec.githubEnvironments === undefined ? "" : `  github_environments = ${list(spec.githubEnvironments)}\n`}}
`;
    }
    case "irsa": {
      const width = Math.max(0, ...spec.policies.map((p) => p.length));
      const arns = spec.policies.map((p) => `    ${p.padEnd(width)} = module.${p}.irsa_policy_arn`);
      return `${head}
  # EKS configuration: the cluster's name, injected by the pipeline (kubernetes_cluster is its API host name)
  eks_cluster_name = var.eks_cluster_name

  # IRSA configuration
  service_account_name = ${escapeHcl(spec.serviceAccountName)}

  role_policy_arns = {
${arns.join("\n")}${arns.length > 0 ? "\n" : ""}  }
${TAGS}}

${outputsSecret(label, secretName, { role: `module.${label}.role_name`, rolearn: `module.${label}.role_arn`, serviceaccount: `module.${label}.service_account.name` })}`;
    }
    case "rds-instance":
      return withSecret(`
  # VPC configuration
  vpc_name = var.vpc_name

  # RDS configuration
  allow_minor_version_upgrade  = true
  allow_major_version_upgrade  = false
  performance_insights_enabled = ${spec.performanceInsights}
${spec.storageLimitGb === undefined ? `  db_max_allocated_storage     = "500"\n` : `  db_max_allocated_storage     = "${spec.storageLimitGb}"\n`}  enable_rds_auto_start_stop   = ${spec.autoStartStop}
  db_instance_class            = ${escapeHcl(spec.instanceClass)}
  db_engine_version            = ${escapeHcl(spec.engineVersion)}
  rds_family                   = ${escapeHcl(`postgres${spec.engineVersion}`)}

  # IRSA configuration
  enable_irsa = true
${TAGS}${LONDON}`);
    case "rds-replica":
      return withSecret(`
  # VPC configuration
  vpc_name = var.vpc_name

  # Read replica of module.${spec.replicaOf}
  db_name                    = null
  replicate_source_db        = module.${spec.replicaOf}.db_identifier
  skip_final_snapshot        = "true"
  db_backup_retention_period = 0
  db_instance_class          = ${escapeHcl(spec.instanceClass)}
  db_engine_version          = ${escapeHcl(spec.engineVersion)}
  rds_family                 = ${escapeHcl(`postgres${spec.engineVersion}`)}
${TAGS}${LONDON}`);
    case "ecr-credentials":
      return withSecret(`
  # Repository configuration
  repo_name = ${escapeHcl(spec.repoName)}
${
  spec.githubRepositories.length === 0
    ? ""
    : `
  # OpenID Connect configuration
  oidc_providers      = ["github"]
  github_repositories = ${list(spec.githubRepositories)}
`
}${TAGS}`);
    case "s3-bucket": {
      const open =
        spec.publicAccessJustification === undefined
          ? ""
          : `\n  # Public access requested; justification: ${escapeHcl(spec.publicAccessJustification)}\n  enable_allow_block_pub_access = false\n`;
      return withSecret(`
  # S3 configuration
  versioning = ${spec.versioning}
${open}${TAGS}${LONDON}`);
    }
    case "elasticache-cluster":
      return withSecret(`
  # VPC configuration
  vpc_name = var.vpc_name

  # Redis cluster configuration
  node_type             = ${escapeHcl(spec.nodeType)}
  engine_version        = ${escapeHcl(spec.engineVersion)}
  parameter_group_name  = ${escapeHcl(`default.redis${spec.engineVersion.split(".")[0]}`)}
  number_cache_clusters = "2"
${spec.enableIrsa ? `\n  # IRSA configuration: without it irsa_policy_arn is null\n  enable_irsa = true\n` : ""}${TAGS}${LONDON}`);
    case "secrets-manager":
      return `${head}
  eks_cluster_name = var.eks_cluster_name

  secrets = {
    ${escapeHcl(spec.secretName)} = {
      description             = ${escapeHcl(spec.description)}
      recovery_window_in_days = 7
      k8s_secret_name         = ${escapeHcl(spec.secretName)}
    }
  }
${TAGS}}
`;
    case "sns-topic":
      return withSecret(`
  # Topic configuration
  topic_display_name = ${escapeHcl(spec.displayName)}
  encrypt_sns_kms    = true
${TAGS}${LONDON}`);
    case "dynamodb-cluster":
      return withSecret(`
  # Table configuration
  hash_key  = ${escapeHcl(spec.hashKey)}
${spec.rangeKey === undefined ? "" : `  range_key = ${escapeHcl(spec.rangeKey)}\n`}${TAGS}`);
    default:
      return `${head}${TAGS}}
`;
  }
}

/** `resource "kubernetes_secret"` writing the module's outputs into the namespace; keys map to `module.<label>.<key>` unless given. */
export function outputsSecret(label: string, secretName: string, outputs: string[] | Record<string, string>): string {
  const entries = Array.isArray(outputs) ? outputs.map((o) => [o, `module.${label}.${o}`] as const) : Object.entries(outputs);
  const width = Math.max(...entries.map(([key]) => key.length));
  const data = entries.map(([key, value]) => `    ${key.padEnd(width)} = ${value}`).join("\n");
  return `resource "kubernetes_secret" "${label}" {
  metadata {
    name      = ${escapeHcl(secretName)}
    namespace = var.namespace
  }

  data = {
${data}
  }
}
`;
}
