import type { PlatformProfile } from "../profile";
import type { SampleNamespace } from "./sample-namespace";

const q = (value: string): string => JSON.stringify(value);

const defaultTags = `  default_tags {
    tags = {
      GithubTeam             = var.team_name
      business-unit          = var.business_unit
      application            = var.application
      is-production          = var.is_production
      namespace              = var.namespace
      environment-name       = var.environment
      infrastructure-support = var.infrastructure_support
      slack-channel          = var.slack_channel
      source-code            = "github.com/ministryofjustice/cloud-platform-environments"
    }
  }
`;

/** resources/main.tf: the same for every namespace, so it is built once. */
export const mainTf = `terraform {
  backend "s3" {}
}

provider "aws" {
  region = "eu-west-2"

${defaultTags}}

provider "aws" {
  alias  = "london"
  region = "eu-west-2"

${defaultTags}}

provider "aws" {
  alias  = "ireland"
  region = "eu-west-1"

${defaultTags}}

provider "github" {
  owner = var.github_owner
  token = var.github_token
}

provider "kubernetes" {}
`;

/** resources/versions.tf: the same for every namespace. */
export const versionsTf = `terraform {
  required_version = ">= 1.2.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.78.0"
    }
    github = {
      source  = "integrations/github"
      version = "~> 6.6.0"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.23.0"
    }
  }
}
`;

/** resources/variables.tf with this namespace's defaults. */
export function renderVariablesTf(ns: SampleNamespace, profile: PlatformProfile): string {
  const variable = (name: string, description: string, value?: string, sensitive = false): string =>
    `variable "${name}" {\n  description = ${q(description)}\n  type        = string\n` +
    (value === undefined ? "" : `  default     = ${q(value)}\n`) +
    (sensitive ? "  sensitive   = true\n" : "") +
    "}\n";
  return [
    variable("vpc_name", "VPC name to create security groups in for the ElastiCache and RDS modules"),
    variable("kubernetes_cluster", "Kubernetes cluster name for references to secrets for service accounts"),
    variable("application", "Name of the application you are deploying", ns.application),
    variable("namespace", "Name of the namespace these resources are part of", ns.name),
    variable("service_area", "Area of the organisation the service belongs to", ns.serviceArea),
    variable("business_unit", "Area of the MOJ responsible for this service", ns.businessUnit),
    variable("team_name", "Name of the development team responsible for this service", ns.team.slug),
    variable("environment", "Name of the environment type for this service", ns.environment),
    variable("infrastructure_support", "Email address of the team responsible this service", ns.team.email),
    variable("is_production", "Whether this environment type is production or not", String(ns.isProduction)),
    variable("slack_channel", "Slack channel name for your team, if we need to contact you about this service", ns.slackChannel),
    variable("github_owner", "The GitHub organization or individual user account containing the app's code repo. Used by the Github Terraform provider.", profile.defaults.githubOwner),
    variable("github_token", "Required by the GitHub Terraform provider", "", true),
  ].join("\n");
}
