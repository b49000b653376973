/** Test fixture: the files of a Cloud-Platform-style namespace folder, as the format describes them. */
export interface FixtureOptions {
  businessUnit?: string;
  application?: string;
  environment?: string;
  isProduction?: boolean;
  teams?: string[];
  reviewAfter?: string;
  /** The source-code annotation; default the repository named after the namespace. */
  sourceCode?: string;
  /** Extra module files under resources/, by name: e.g. { "rds.tf": ... }. */
  resources?: Record<string, string>;
}

const PREFIX = "cloud-platform.justice.gov.uk";

export function cloudPlatformNamespace(name: string, options: FixtureOptions = {}): Record<string, string> {
  const teams = options.teams ?? ["webops"];
  const files: Record<string, string> = {
    "00-namespace.yaml": `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
    ${PREFIX}/is-production: "${options.isProduction ? "true" : "false"}"
    ${PREFIX}/environment-name: "${options.environment ?? "development"}"
    pod-security.kubernetes.io/enforce: restricted
  annotations:
    ${PREFIX}/business-unit: "${options.businessUnit ?? "HMPPS"}"
    ${PREFIX}/slack-channel: "${name}-dev"
    ${PREFIX}/application: "${options.application ?? `Application for ${name}`}"
    ${PREFIX}/owner: "Team ${teams[0]}: ${teams[0]}@example.gov.uk"
    ${PREFIX}/source-code: "${options.sourceCode ?? `https://github.com/ministryofjustice/${name}`}"
    ${PREFIX}/team-name: "${teams[0]}"
    ${PREFIX}/review-after: "${options.reviewAfter ?? ""}"
`,
    "01-rbac.yaml": rbac(name, teams[0]!, `${name}-admin`),
    "02-limitrange.yaml": `apiVersion: v1
kind: LimitRange
metadata:
  name: limitrange
  namespace: ${name}
spec:
  limits:
    - default:
        cpu: 1000m
        memory: 1000Mi
      defaultRequest:
        cpu: 10m
        memory: 100Mi
      type: Container
`,
    "03-resourcequota.yaml": `apiVersion: v1
kind: ResourceQuota
metadata:
  name: namespace-quota
  namespace: ${name}
spec:
  hard:
    pods: "50"
`,
    "04-networkpolicy.yaml": `kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  name: default
  namespace: ${name}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
  ingress:
    - from:
      - podSelector: {}
---
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  name: allow-ingress-controllers
  namespace: ${name}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
  ingress:
    - from:
      - namespaceSelector:
          matchLabels:
            component: ingress-controllers
`,
    "resources/main.tf": `terraform {
  backend "s3" {}
}

provider "aws" {
  region = "eu-west-2"
  default_tags {
    tags = {
      GithubTeam = var.team_name
      namespace  = var.namespace
    }
  }
}
`,
    "resources/variables.tf": `variable "namespace" {
  default = "${name}"
}

variable "team_name" {
  default = "${teams[0]}"
}
`,
    "resources/versions.tf": `terraform {
  required_version = ">= 1.2.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.78.0"
    }
  }
}
`,
    ...Object.fromEntries(Object.entries(options.resources ?? {}).map(([file, text]) => [`resources/${file}`, text])),
  };
  teams.slice(1).forEach((team) => {
    files[`07-rbac-${team}.yaml`] = rbac(name, team, `${name}-${team}-admin`);
  });
  return files;
}

function rbac(namespace: string, team: string, bindingName: string): string {
  return `kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: ${bindingName}
  namespace: ${namespace}
subjects:
  - kind: Group
    name: "github:${team}"
    apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: ClusterRole
  name: admin
  apiGroup: rbac.authorization.k8s.io
`;
}

/** A module block as the format writes it. */
export function moduleBlock(name: string, module: string, ref: string): string {
  return `module "${name}" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-${module}?ref=${ref}"

  team_name              = var.team_name
  namespace              = var.namespace
  environment_name       = var.environment
  infrastructure_support = var.infrastructure_support
  providers = {
    aws = aws.london
  }
}

resource "kubernetes_secret" "${name}" {
  metadata {
    name      = "${name}-output"
    namespace = var.namespace
  }
  data = {
    arn = module.${name}.arn
  }
}
`;
}
