import type { PlatformProfile } from "../profile";
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

const tags = `
  # Tags
  business_unit          = var.business_unit
  application            = var.application
  is_production          = var.is_production
  team_name              = var.team_name
  namespace              = var.namespace
  environment_name       = var.environment
  infrastructure_support = var.infrastructure_support
`;

const london = `
  providers = {
    aws = aws.london
  }
`;

/** The group's file name under resources/ and its contents. */
export function renderModuleFile(group: SampleModuleGroup, ns: SampleNamespace, profile: PlatformProfile): [string, string] {
  const source = profile.moduleSource.replace("{module}", group.module).replace("{ref}", group.ref);
  const blocks = group.instances.map((instance) => renderBlock(group, instance, source, ns));
  return [`resources/${fileNames[group.module] ?? `${group.module}.tf`}`, blocks.join("\n")];
}

function renderBlock(group: SampleModuleGroup, instance: string, source: string, ns: SampleNamespace): string {
  const head = `module "${instance}" {\n  source = "${source}"\n`;
  const dash = instance.replace(/_/g, "-");
  switch (group.module) {
    case "sqs": {
      const isDlq = instance.endsWith("_dlq");
      const dlq = instance.replace(/_queue$/, "_dlq");
      const redrive = !isDlq && group.instances.includes(dlq)
        ? `\n  redrive_policy = jsonencode({\n    deadLetterTargetArn = module.${dlq}.sqs_arn\n    maxReceiveCount     = 3\n  })\n`
        : "";
      return `${head}
  # Queue configuration
  sqs_name                  = "${ns.name}-${dash}"
  encrypt_sqs_kms           = "true"
  message_retention_seconds = ${isDlq ? 1209600 : 345600}
${redrive}${tags}${london}}

${secret(instance, `sqs-${dash}-output`, ["sqs_id", "sqs_arn", "sqs_name"])}`;
    }
    case "serviceaccount":
      return `${head}
  namespace          = var.namespace
  kubernetes_cluster = var.kubernetes_cluster

  # Provide repository names to create GitHub Actions secrets containing the
  # ca.crt and token for use in CI/CD pipelines
  github_repositories = ["${ns.applicationSlug}"]
  github_environments = ["${ns.environment}"]
}
`;
    case "irsa": {
      const arns = ns.modules
        .filter((g) => irsaPolicyModules.has(g.module))
        .flatMap((g) => g.instances)
        .map((i) => `    ${i} = module.${i}.irsa_policy_arn`);
      return `${head}
  # EKS configuration
  eks_cluster_name = var.kubernetes_cluster

  # IRSA configuration
  service_account_name = "${ns.applicationSlug}"
  namespace            = var.namespace

  role_policy_arns = {
${arns.join("\n")}${arns.length > 0 ? "\n" : ""}  }
${tags}}

resource "kubernetes_secret" "irsa" {
  metadata {
    name      = "irsa-output"
    namespace = var.namespace
  }

  data = {
    role           = module.irsa.role_name
    rolearn        = module.irsa.role_arn
    serviceaccount = module.irsa.service_account.name
  }
}
`;
    }
    case "rds-instance": {
      const engine = ["14", "14", "14", "14", "15", "16", "16", "13", "12", "14"][group.variant]!;
      const size = ns.isProduction ? (group.variant % 2 === 0 ? "db.t4g.small" : "db.m6g.large") : "db.t4g.micro";
      return `${head}
  # VPC configuration
  vpc_name = var.vpc_name

  # RDS configuration
  allow_minor_version_upgrade  = true
  allow_major_version_upgrade  = false
  performance_insights_enabled = ${ns.isProduction}
  db_max_allocated_storage     = "500"
  enable_rds_auto_start_stop   = ${!ns.isProduction}
  db_instance_class            = "${size}"
  db_engine_version            = "${engine}"
  rds_family                   = "postgres${engine}"

  # IRSA configuration
  enable_irsa = true
${tags}${london}}

${secret(instance, `${dash}-instance-output`, ["rds_instance_endpoint", "database_name", "database_username", "database_password", "rds_instance_address"])}`;
    }
    case "ecr-credentials":
      return `${head}
  # Repository configuration
  repo_name = "${ns.applicationSlug}"

  # OpenID Connect configuration
  oidc_providers      = ["github"]
  github_repositories = ["${ns.applicationSlug}"]
${tags}}
`;
    case "s3-bucket":
      return `${head}
  # S3 configuration
  versioning = ${group.variant < 5}
${tags}${london}}

${secret(instance, `${dash}-output`, ["bucket_arn", "bucket_name"])}`;
    case "elasticache-cluster":
      return `${head}
  # VPC configuration
  vpc_name = var.vpc_name

  # Redis cluster configuration
  node_type             = "${ns.isProduction ? "cache.t4g.small" : "cache.t4g.micro"}"
  engine_version        = "7.0"
  parameter_group_name  = "default.redis7"
  number_cache_clusters = "2"
${tags}${london}}

${secret(instance, `${dash}-output`, ["primary_endpoint_address", "auth_token", "member_clusters"])}`;
    case "secrets-manager":
      return `${head}
  eks_cluster_name = var.kubernetes_cluster

  secrets = {
    "${ns.applicationSlug}-api-key" = {
      description             = "API key for ${ns.application}"
      recovery_window_in_days = 7
      k8s_secret_name         = "${ns.applicationSlug}-api-key"
    }
  }
${tags}}
`;
    case "sns-topic":
      return `${head}
  # Topic configuration
  topic_display_name = "${ns.applicationSlug}-events"
  encrypt_sns_kms    = true
${tags}${london}}

${secret(instance, `${dash}-output`, ["topic_arn"])}`;
    case "dynamodb-cluster":
      return `${head}
  # Table configuration
  hash_key  = "id"
  range_key = "created_at"
${tags}}

${secret(instance, `${dash}-output`, ["table_name", "table_arn"])}`;
    default:
      return `${head}${tags}}
`;
  }
}

function secret(instance: string, name: string, outputs: string[]): string {
  const width = Math.max(...outputs.map((o) => o.length));
  const data = outputs.map((o) => `    ${o.padEnd(width)} = module.${instance}.${o}`).join("\n");
  return `resource "kubernetes_secret" "${instance}" {
  metadata {
    name      = "${name}"
    namespace = var.namespace
  }

  data = {
${data}
  }
}
`;
}
