import { escapeHcl } from "./escape-hcl";
import { defaultTagValue, formatHclKey } from "./default-tag-value";
import { mandatoryDefaultTags } from "../profile/mandatory-default-tags";
import type { NamespaceRequest } from "../requests/namespace-request";
import type { PlatformProfile } from "../profile/profile";

/**
 * resources/main.tf, variables.tf and versions.tf of a new namespace folder,
 * keyed by path relative to the folder. Request values appear only as
 * variable defaults, each written through escapeHcl.
 */
export function renderNamespaceTerraform(request: NamespaceRequest, profile: PlatformProfile): Record<string, string> {
  return {
    "resources/main.tf": mainTf(profile),
    "resources/variables.tf": variablesTf(request, profile),
    "resources/versions.tf": versionsTf(profile),
  };
}

function mainTf(profile: PlatformProfile): string {
  const t = profile.namespaceTemplate.terraform;
  // The template's default tags since 2025-11 (the profile's list): owner (the team) and service-area are mandatory.
  const tags = mandatoryDefaultTags(profile);
  const width = Math.max(...tags.map((tag) => formatHclKey(tag.key).length));
  const defaultTags =
    `  default_tags {\n    tags = {\n` +
    tags.map((tag) => `      ${formatHclKey(tag.key).padEnd(width)} = ${defaultTagValue(tag)}\n`).join("") +
    `    }\n  }\n`;
  const aws = (region: string, alias?: string) =>
    `provider "aws" {\n${alias ? `  alias  = ${escapeHcl(alias)}\n` : ""}  region = ${escapeHcl(region)}\n\n${defaultTags}}\n\n`;
  return (
    `terraform {\n  backend "s3" {}\n}\n\n` +
    aws(t.awsRegion) +
    Object.entries(t.awsAliases)
      .map(([alias, region]) => aws(region, alias))
      .join("") +
    `provider "github" {
  owner = var.github_owner
  token = var.github_token
}

provider "kubernetes" {}
`
  );
}

function versionsTf(profile: PlatformProfile): string {
  const t = profile.namespaceTemplate.terraform;
  const provider = (name: string, p: { source: string; version: string }) =>
    `    ${name} = {\n      source  = ${escapeHcl(p.source)}\n      version = ${escapeHcl(p.version)}\n    }\n`;
  return `terraform {
  required_version = ${escapeHcl(t.requiredVersion)}

  required_providers {
${provider("aws", t.providers.aws)}${provider("github", t.providers.github)}${provider("kubernetes", t.providers.kubernetes)}  }
}
`;
}

function variablesTf(request: NamespaceRequest, profile: PlatformProfile): string {
  const variable = (name: string, description: string, value?: string, sensitive = false): string =>
    `variable "${name}" {\n  description = ${escapeHcl(description)}\n  type        = string\n` +
    (value === undefined ? "" : `  default     = ${escapeHcl(value)}\n`) +
    (sensitive ? "  sensitive   = true\n" : "") +
    "}\n";
  return [
    variable("vpc_name", "VPC name to create security groups in for the ElastiCache and RDS modules"),
    variable("kubernetes_cluster", "Kubernetes cluster name for references to secrets for service accounts"),
    variable("application", "Name of the application you are deploying", request.application),
    variable("namespace", "Name of the namespace these resources are part of", request.name),
    variable("service_area", "Area of the organisation the service belongs to", request.serviceArea),
    variable("business_unit", "Area of the MOJ responsible for this service", request.businessUnit),
    variable("team_name", "Name of the development team responsible for this service", request.team),
    variable("environment", "Name of the environment type for this service", request.environment),
    variable("infrastructure_support", "Email address of the team responsible this service", request.ownerEmail),
    variable("is_production", "Whether this environment type is production or not", String(request.isProduction)),
    variable("slack_channel", "Slack channel name for your team, if we need to contact you about this service", request.slackChannel),
    variable(
      "github_owner",
      "The GitHub organization or individual user account containing the app's code repo. Used by the Github Terraform provider.",
      profile.defaults.githubOwner,
    ),
    variable("github_token", "Required by the GitHub Terraform provider", "", true),
  ].join("\n");
}
