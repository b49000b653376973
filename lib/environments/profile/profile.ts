import { readFileSync } from "node:fs";
import { z } from "zod";
import { builtInCatalogue, modulesSchema } from "./module-catalogue";

const terraformProviderSchema = z.object({ source: z.string().min(1), version: z.string().min(1) });

/**
 * One mandatory default tag of the aws providers: its key and its value,
 * either a variable of variables.tf (`var.<variable>`) or fixed text.
 */
const defaultTagSchema = z
  .object({
    key: z.string().regex(/^[A-Za-z0-9_.:/=+@-]{1,128}$/, "a tag key: letters, digits and _ . : / = + @ -"),
    variable: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a Terraform variable name")
      .optional(),
    value: z.string().min(1).optional(),
  })
  .refine((t) => (t.variable === undefined) !== (t.value === undefined), "give a tag either a variable or a value");

const namespaceTemplateSchema = z.object({
  /** LimitRange "limitrange": container defaults (limits) and default requests. */
  limitRange: z.object({
    defaultCpu: z.string().min(1),
    defaultMemory: z.string().min(1),
    defaultRequestCpu: z.string().min(1),
    defaultRequestMemory: z.string().min(1),
  }),
  /** ResourceQuota "namespace-quota": hard.pods. */
  podsQuota: z.number().int().min(1),
  /** Labels of the namespaces whose pods may reach every namespace (the ingress controllers). */
  ingressControllerLabels: z.record(z.string().min(1), z.string().min(1)),
  terraform: z.object({
    requiredVersion: z.string().min(1),
    providers: z.object({ aws: terraformProviderSchema, github: terraformProviderSchema, kubernetes: terraformProviderSchema }),
    /** Region of the default aws provider. */
    awsRegion: z.string().min(1),
    /** Further aws providers: alias -> region. */
    awsAliases: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, "provider aliases are Terraform identifiers"), z.string().min(1)),
    /** The `source-code` default tag of AWS resources: the environments repository itself. */
    sourceCodeTag: z.string().min(1),
    /**
     * The default tags every aws provider carries, in the template's order.
     * Absent: the Cloud Platform template's (mandatoryDefaultTags()).
     */
    defaultTags: z.array(defaultTagSchema).min(1).optional(),
  }),
});

const cloudPlatformNamespaceTemplate: z.infer<typeof namespaceTemplateSchema> = {
  limitRange: { defaultCpu: "1000m", defaultMemory: "1000Mi", defaultRequestCpu: "10m", defaultRequestMemory: "100Mi" },
  podsQuota: 50,
  ingressControllerLabels: { component: "ingress-controllers" },
  terraform: {
    requiredVersion: ">= 1.2.5",
    providers: {
      aws: { source: "hashicorp/aws", version: "~> 5.78.0" },
      github: { source: "integrations/github", version: "~> 6.6.0" },
      kubernetes: { source: "hashicorp/kubernetes", version: "~> 2.23.0" },
    },
    awsRegion: "eu-west-2",
    awsAliases: { london: "eu-west-2", ireland: "eu-west-1" },
    sourceCodeTag: "github.com/ministryofjustice/cloud-platform-environments",
  },
};

/** The ids of the repository's PR checks, as its CI names them; every check Berth runs reports under one. */
const checkIdsSchema = z.object({
  namespacePolicy: z.string().min(1),
  permissions: z.string().min(1),
  oneNamespace: z.string().min(1),
  iam: z.string().min(1),
  moduleVersion: z.string().min(1),
  malformedYaml: z.string().min(1),
  metadataName: z.string().min(1),
  terraformNamespace: z.string().min(1),
  ecrDeletion: z.string().min(1),
});

const cloudPlatformCheckIds: z.infer<typeof checkIdsSchema> = {
  namespacePolicy: "rego-namespace-policy",
  permissions: "check-permissions",
  oneNamespace: "reject-multi-namespace-prs",
  iam: "iam-role-policy-changes-check",
  moduleVersion: "check-terraform-module-version",
  malformedYaml: "malformed-yaml",
  metadataName: "yaml-metadata-change-check",
  terraformNamespace: "compare-namespaces",
  ecrDeletion: "ecr-deletion-check",
};

const policySchema = z.object({
  /** The only ClusterRoles a RoleBinding may reference. */
  allowedClusterRoles: z.array(z.string().min(1)).min(1),
  /** Labels a manifest must not carry: key -> value. */
  forbiddenLabels: z.record(z.string().min(1), z.string()),
  /** Namespace annotations (under the label prefix) that must be present and non-empty. */
  requiredAnnotations: z.array(z.string().min(1)).default(["business-unit", "application", "owner", "source-code", "slack-channel"]),
  /** Namespace labels (under the label prefix) that must be present and non-empty. */
  requiredLabels: z.array(z.string().min(1)).default(["is-production", "environment-name"]),
  /** The value the Namespace's `pod-security.kubernetes.io/enforce` label must have. */
  podSecurityEnforce: z.string().min(1).default("restricted"),
  /** Manifest kinds the policy rejects, with why. */
  forbiddenKinds: z.record(z.string().min(1), z.string()).default({
    ClusterRole: "",
    ClusterRoleBinding: "",
    ServiceAccount: "service accounts come from Terraform",
  }),
  /**
   * What the IAM check looks for in every added or removed line of a pull
   * request's diff (plain substrings). The MoJ check's documented patterns.
   */
  iamPatterns: z.array(z.string().min(1)).default(["aws_iam", '"Effect":', '"s3:', '"sqs:']),
  /** GitHub team slugs whose members pass check-permissions for any namespace (the platform's reviewers). */
  reviewerTeams: z.array(z.string().min(1)).default(["webops"]),
  /** The repository's check ids. */
  checkIds: checkIdsSchema.default(cloudPlatformCheckIds),
});

const cloudPlatformPolicy: z.infer<typeof policySchema> = policySchema.parse({
  allowedClusterRoles: ["admin", "calico-network-policy-access"],
  forbiddenLabels: { component: "cloud-platform-monitoring-alerts" },
});

/** Who reviews a pull request on the platform. */
const reviewSchema = z.object({
  /**
   * The platform's auto-approver, if it has one: it approves a change whose
   * files are all under one of `paths` (relative to the namespace folder),
   * that fails no check and raises none of `blockingFlags`. Null: every pull
   * request waits for the CODEOWNERS' approval (MoJ since 2025).
   */
  autoApprover: z
    .object({
      name: z.string().min(1),
      paths: z.array(z.string().min(1)).min(1),
      blockingFlags: z.array(z.string().min(1)),
    })
    .nullable()
    .default(null),
  /** Owners assumed when the repository has no CODEOWNERS file (or it matches nothing). */
  defaultOwners: z.array(z.string().min(1)).default([]),
});

/**
 * A platform profile: the conventions of one environments repository. The
 * built-in default follows the UK Ministry of Justice Cloud Platform; a
 * platform with other clusters, business units or modules supplies its own
 * file instead of changing code.
 */
const profileSchema = z.object({
  name: z.string().min(1),
  /** Folder holding `<cluster-domain>/<namespace>/`. */
  namespacesDir: z.string().min(1).default("namespaces"),
  /** Prefix of Berth-relevant labels and annotations, e.g. `cloud-platform.justice.gov.uk`. */
  labelPrefix: z.string().min(1),
  clusters: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z0-9-]+$/, "cluster names are lower-case letters, digits and hyphens"),
        domain: z.string().min(1),
        kubeContext: z.string().min(1).optional(),
      }),
    )
    .min(1),
  businessUnits: z.array(z.string().min(1)).min(1),
  /** The common `environment-name` values, suggested by the request form; any lower-case word is accepted. */
  environments: z.array(z.string().min(1)).min(1),
  /** Marker file that makes the apply pipeline skip a namespace. */
  skipApplyMarker: z.string().min(1),
  /** A module source's last path segment minus this prefix is the module's short name. */
  modulePrefix: z.string(),
  /** Source of a catalogued module; `{module}` and `{ref}` are replaced. */
  moduleSource: z.string().includes("{module}").includes("{ref}"),
  /**
   * The module catalogue: short name -> latest version, where and when it was
   * read, and the module's interface (module-catalogue.ts). The older
   * `{ name: version }` form is still read. Read versions through
   * latestVersion() only.
   */
  modules: modulesSchema,
  defaults: z.object({
    githubOwner: z.string().min(1),
    /** A proposed review-after date is this many months out. */
    reviewAfterMonths: z.number().int().min(0),
    /**
     * The `environment-name` values whose non-production namespaces get a
     * review-after date proposed (the MoJ CLI: sandbox development namespaces
     * only). Absent: every non-production namespace.
     */
    reviewAfterEnvironments: z.array(z.string().min(1)).optional(),
  }),
  /** What Berth writes into a new namespace folder; the parts of the templates that vary by platform. */
  namespaceTemplate: namespaceTemplateSchema.default(cloudPlatformNamespaceTemplate),
  /** The repository's own PR policy, as Berth checks it before opening a pull request. */
  policy: policySchema.default(cloudPlatformPolicy),
  /** Who approves pull requests, and whether anything approves them automatically. */
  review: reviewSchema.default({ autoApprover: null, defaultOwners: [] }),
  /**
   * Namespaces a cluster runs that no repository folder defines, by design
   * (the platform's own): not drift. A trailing `*` matches a prefix.
   */
  systemNamespaces: z.array(z.string().regex(/^[a-z0-9-]+\*?$/, "system namespaces are names, or a prefix ending in *")).default(["default", "kube-*"]),
});

export type PlatformProfile = z.infer<typeof profileSchema>;

export const cloudPlatformProfile: PlatformProfile = profileSchema.parse({
  name: "Cloud Platform (UK Ministry of Justice)",
  labelPrefix: "cloud-platform.justice.gov.uk",
  clusters: [
    { name: "live", domain: "live.cloud-platform.service.justice.gov.uk", kubeContext: "live" },
    { name: "live-2", domain: "live-2.cloud-platform.service.justice.gov.uk", kubeContext: "live-2" },
  ],
  businessUnits: ["Central Digital", "CICA", "HMCTS", "HMPPS", "HQ", "LAA", "OPG", "Platforms", "Technology Services"],
  environments: ["development", "test", "staging", "preprod", "production"],
  skipApplyMarker: "APPLY_PIPELINE_SKIP_THIS_NAMESPACE",
  modulePrefix: "cloud-platform-terraform-",
  moduleSource: "github.com/ministryofjustice/cloud-platform-terraform-{module}?ref={ref}",
  modules: builtInCatalogue,
  defaults: { githubOwner: "ministryofjustice", reviewAfterMonths: 3, reviewAfterEnvironments: ["development"] },
  review: { autoApprover: null, defaultOwners: ["@ministryofjustice/WebOps"] },
  systemNamespaces: [
    "default",
    "kube-*",
    "cert-manager",
    "ingress-controllers",
    "monitoring",
    "logging",
    "velero",
    "gatekeeper-system",
    "calico-*",
    "tigera-operator",
    "cloud-platform-*",
    "kuberos",
    "overprovision",
    "trivy-system",
    "external-secrets-operator",
  ],
});

/** Reads a profile file (JSON); errors name the file and the field. */
export function loadProfile(file: string | undefined): PlatformProfile {
  if (!file) return cloudPlatformProfile;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read profile ${file}: ${(error as Error).message}`);
  }
  const result = profileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Invalid profile ${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}

/** The profile's cluster name for a folder domain, or the domain when the profile does not know it. */
export function clusterNameForDomain(profile: PlatformProfile, domain: string): string {
  return profile.clusters.find((c) => c.domain === domain)?.name ?? domain;
}
