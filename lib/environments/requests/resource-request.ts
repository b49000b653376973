import { z } from "zod";
import { unrepresentableText } from "../render/unrepresentable-text";

/** Line breaks, other control characters, and what no file can hold: free text is one line of printable text. */
const NOT_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A Terraform identifier as the repository writes block labels: lower-case, starting with a letter. */
export const RESOURCE_NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
/** A version Berth writes into a `?ref=` or `version = "..."`: safe in a URL query and an HCL string as is. */
export const MODULE_VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;

export const RDS_ENGINE_VERSIONS = ["14", "15", "16", "17", "18"] as const;
export const RDS_INSTANCE_CLASSES = [
  "db.t4g.micro",
  "db.t4g.small",
  "db.t4g.medium",
  "db.t4g.large",
  "db.m6g.large",
  "db.m6g.xlarge",
  "db.r6g.large",
  "db.r6g.xlarge",
] as const;
export const RDS_STORAGE_LIMIT_GB = { min: 20, max: 4000 } as const;
export const ELASTICACHE_ENGINE_VERSIONS = ["7.0", "7.1"] as const;
export const ELASTICACHE_NODE_TYPES = ["cache.t4g.micro", "cache.t4g.small", "cache.t4g.medium", "cache.m6g.large"] as const;
export const MAX_RESOURCES_PER_REQUEST = 10;

const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null ? `enter ${what}` : `${what} must be text`;

function singleLine(what: string, max = 200) {
  return z
    .string({ error: required(what) })
    .trim()
    .min(1, `enter ${what}`)
    .max(max, `${what} is too long: at most ${max} characters`)
    .refine((v) => !NOT_SINGLE_LINE.test(v), `${what} must be a single line, without line breaks, tabs or other control characters`)
    .refine((v) => unrepresentableText(v) === null, `${what} contains characters that cannot be stored (invalid Unicode)`);
}

/** Optional one-line text: an empty or blank answer (what a form sends for a field left alone) is no answer. */
const optionalLine = (what: string, max = 200) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), singleLine(what, max).optional());

const oneOf = (what: string, allowed: readonly string[]) =>
  z.string({ error: required(what) }).refine((v) => allowed.includes(v), `${what} must be one of: ${allowed.join(", ")}`);

const flag = (what: string) => z.boolean({ error: `say whether ${what} (true or false)` }).optional();

const name = z
  .string({ error: required("a resource name") })
  .min(1, "enter a resource name")
  .max(63, "the name is too long: at most 63 characters")
  .regex(/^[a-z]/, "the name must start with a lower-case letter")
  .regex(RESOURCE_NAME_PATTERN, "use only lower-case letters, digits and underscores (a Terraform identifier)");

const kubernetesName = (what: string) =>
  z
    .string({ error: required(what) })
    .min(1, `enter ${what}`)
    .max(63, `${what} is too long: at most 63 characters`)
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
      `${what} must be a Kubernetes name: lower-case letters, digits and hyphens, starting and ending with a letter or digit`,
    );

const rds = z.object({
  kind: z.literal("rds"),
  name,
  engineVersion: oneOf("the PostgreSQL version", RDS_ENGINE_VERSIONS),
  instanceClass: oneOf("the instance class", RDS_INSTANCE_CLASSES),
  storageLimitGb: z
    .number({ error: "the storage limit must be a number of GB" })
    .int("the storage limit must be a whole number of GB")
    .min(RDS_STORAGE_LIMIT_GB.min, `the storage limit must be at least ${RDS_STORAGE_LIMIT_GB.min} GB`)
    .max(RDS_STORAGE_LIMIT_GB.max, `the storage limit must be at most ${RDS_STORAGE_LIMIT_GB.max} GB`)
    .optional(),
  readReplica: flag("to add a read replica"),
});

const s3 = z
  .object({
    kind: z.literal("s3"),
    name,
    versioning: flag("to keep object versions"),
    publicAccess: flag("the bucket may be public"),
    justification: optionalLine("the justification", 500),
  })
  // Note: a public bucket is the one S3 setting a reviewer must see argued; refuse it without a reason.
  .refine((v) => !v.publicAccess || (v.justification ?? "") !== "", {
    path: ["justification"],
    message: "say why the bucket must be public; a platform reviewer reads it",
  });

const sqs = z.object({ kind: z.literal("sqs"), name, deadLetterQueue: flag("to add a dead-letter queue") });

const sns = z.object({ kind: z.literal("sns"), name, displayName: singleLine("the topic's display name", 100) });

const elasticache = z.object({
  kind: z.literal("elasticache"),
  name,
  engineVersion: oneOf("the Redis version", ELASTICACHE_ENGINE_VERSIONS).optional(),
  nodeType: oneOf("the node type", ELASTICACHE_NODE_TYPES).optional(),
});

const dynamodb = z.object({
  kind: z.literal("dynamodb"),
  name,
  hashKey: singleLine("the hash key attribute", 255),
  rangeKey: optionalLine("the range key attribute", 255),
});

const githubRepositories = z
  .array(
    z
      .string({ error: "each repository must be text" })
      .regex(/^[A-Za-z0-9._-]{1,100}$/, "each repository is a GitHub repository name (letters, digits, ., _ and -), without the owner"),
    { error: "the repositories must be a list of names" },
  )
  .max(20, "at most 20 repositories")
  .refine((list) => new Set(list).size === list.length, "a repository is listed twice")
  .optional();

const ecr = z.object({ kind: z.literal("ecr"), name, githubRepositories });

const serviceaccount = z.object({ kind: z.literal("serviceaccount"), name, githubRepositories });

const irsa = z.object({
  kind: z.literal("irsa"),
  name,
  serviceAccount: kubernetesName("the service account name"),
  policies: z
    .array(
      z
        .string({ error: "each policy must be a resource name" })
        .regex(RESOURCE_NAME_PATTERN, "each policy is the name of a resource in this namespace or request"),
      {
        error: "the policies must be a list of resource names",
      },
    )
    .min(1, "choose at least one resource whose access policy the role gets")
    .max(20, "at most 20 policies")
    .refine((list) => new Set(list).size === list.length, "a resource is listed twice"),
});

const upgrade = z.object({
  kind: z.literal("upgrade"),
  name: z.string({ error: required("the module to upgrade") }).regex(RESOURCE_NAME_PATTERN, "choose an existing module block by its name"),
  version: z.string({ error: required("the version") }).regex(MODULE_VERSION_PATTERN, "the version must be a version such as 5.1.2"),
});

export const resourceAnswerSchema = z.discriminatedUnion("kind", [rds, s3, sqs, sns, elasticache, dynamodb, ecr, serviceaccount, irsa, upgrade], {
  error: (issue) =>
    issue.code === "invalid_union" ? "choose a kind: rds, s3, sqs, sns, elasticache, dynamodb, ecr, serviceaccount, irsa or upgrade" : undefined,
});

/**
 * A request for AWS resources in an existing namespace: one pull request that
 * adds `resources/<name>.tf` per new resource and changes only the pinned
 * version of each upgraded module. Rules that need the namespace (names
 * already taken, IRSA references, upgrade targets) are in
 * validateResourceRequest. Unknown keys are dropped.
 */
export const resourceRequestSchema = z.object({
  resources: z
    .array(resourceAnswerSchema, { error: "resources must be a list" })
    .min(1, "add at least one resource")
    .max(MAX_RESOURCES_PER_REQUEST, `at most ${MAX_RESOURCES_PER_REQUEST} resources per request; open another request for the rest`),
});

export type ResourceRequest = z.output<typeof resourceRequestSchema>;
export type ResourceRequestInput = z.input<typeof resourceRequestSchema>;
export type ResourceAnswer = z.output<typeof resourceAnswerSchema>;
export type ResourceKind = ResourceAnswer["kind"];
export type NewResourceAnswer = Exclude<ResourceAnswer, { kind: "upgrade" }>;

/** The catalogue module each new-resource kind renders. */
export const KIND_MODULES = {
  rds: "rds-instance",
  s3: "s3-bucket",
  sqs: "sqs",
  sns: "sns-topic",
  elasticache: "elasticache-cluster",
  dynamodb: "dynamodb-cluster",
  ecr: "ecr-credentials",
  serviceaccount: "serviceaccount",
  irsa: "irsa",
} as const satisfies Record<NewResourceAnswer["kind"], string>;

/**
 * Modules with an `irsa_policy_arn` output an irsa module can take in
 * `role_policy_arns`, from the modules' outputs.tf (the catalogue's
 * `irsaPolicy`, which validation prefers): rds-instance, s3-bucket, sqs,
 * sns-topic, elasticache-cluster (null unless `enable_irsa = true`),
 * dynamodb-cluster, ecr-credentials (36 real roles use it) and
 * secrets-manager. serviceaccount and irsa have no policy.
 */
export const IRSA_POLICY_MODULES: ReadonlySet<string> = new Set([
  "rds-instance",
  "s3-bucket",
  "sqs",
  "sns-topic",
  "elasticache-cluster",
  "dynamodb-cluster",
  "secrets-manager",
  "ecr-credentials",
]);

/** A form field, described for a UI that renders one form per kind from these rules. */
export interface ResourceField {
  name: string;
  label: string;
  type: "text" | "boolean" | "select" | "number" | "list" | "resources" | "module";
  required: boolean;
  options?: readonly string[];
  default?: string | number | boolean;
  min?: number;
  max?: number;
  help?: string;
}

export interface ResourceKindDescription {
  kind: ResourceKind;
  label: string;
  /** The catalogue module it renders; null for an upgrade. */
  module: string | null;
  description: string;
  fields: ResourceField[];
}

const nameField: ResourceField = {
  name: "name",
  label: "Name",
  type: "text",
  required: true,
  help: "lower-case letters, digits and underscores; the file is resources/<name>.tf",
};

/** JSON-friendly description of each kind's fields, built from the same constants as the schema. */
export const RESOURCE_KINDS: readonly ResourceKindDescription[] = [
  {
    kind: "rds",
    label: "PostgreSQL database (RDS)",
    module: KIND_MODULES.rds,
    description: "An RDS PostgreSQL instance; its endpoint and credentials become a Secret.",
    fields: [
      nameField,
      { name: "engineVersion", label: "PostgreSQL version", type: "select", required: true, options: RDS_ENGINE_VERSIONS, default: "16" },
      { name: "instanceClass", label: "Instance class", type: "select", required: true, options: RDS_INSTANCE_CLASSES, default: "db.t4g.micro" },
      {
        name: "storageLimitGb",
        label: "Storage limit (GB)",
        type: "number",
        required: false,
        min: RDS_STORAGE_LIMIT_GB.min,
        max: RDS_STORAGE_LIMIT_GB.max,
        default: 500,
      },
      { name: "readReplica", label: "Add a read replica", type: "boolean", required: false, default: false },
    ],
  },
  {
    kind: "s3",
    label: "S3 bucket",
    module: KIND_MODULES.s3,
    description: "A private S3 bucket. Public access needs a justification and a platform review.",
    fields: [
      nameField,
      { name: "versioning", label: "Keep object versions", type: "boolean", required: false, default: false },
      { name: "publicAccess", label: "Allow public access", type: "boolean", required: false, default: false },
      { name: "justification", label: "Why it must be public", type: "text", required: false, help: "required with public access; one line" },
    ],
  },
  {
    kind: "sqs",
    label: "SQS queue",
    module: KIND_MODULES.sqs,
    description: "An encrypted SQS queue, optionally with a dead-letter queue <name>_dlq.",
    fields: [nameField, { name: "deadLetterQueue", label: "Add a dead-letter queue", type: "boolean", required: false, default: true }],
  },
  {
    kind: "sns",
    label: "SNS topic",
    module: KIND_MODULES.sns,
    description: "An encrypted SNS topic.",
    fields: [nameField, { name: "displayName", label: "Display name", type: "text", required: true }],
  },
  {
    kind: "elasticache",
    label: "Redis (ElastiCache)",
    module: KIND_MODULES.elasticache,
    description: "A Redis replication group.",
    fields: [
      nameField,
      { name: "engineVersion", label: "Redis version", type: "select", required: false, options: ELASTICACHE_ENGINE_VERSIONS, default: "7.0" },
      { name: "nodeType", label: "Node type", type: "select", required: false, options: ELASTICACHE_NODE_TYPES, default: "cache.t4g.micro" },
    ],
  },
  {
    kind: "dynamodb",
    label: "DynamoDB table",
    module: KIND_MODULES.dynamodb,
    description: "A DynamoDB table.",
    fields: [
      nameField,
      { name: "hashKey", label: "Hash key attribute", type: "text", required: true, default: "id" },
      { name: "rangeKey", label: "Range key attribute", type: "text", required: false },
    ],
  },
  {
    kind: "ecr",
    label: "Container registry (ECR)",
    module: KIND_MODULES.ecr,
    description: 'An ECR repository; GitHub Actions in the repositories you list push to it through OIDC (oidc_providers = ["github"]).',
    fields: [
      nameField,
      {
        name: "githubRepositories",
        label: "GitHub repositories that push images",
        type: "list",
        required: false,
        help: "repository names (without the owner) whose GitHub Actions may push; none means nothing can push until you add one",
      },
    ],
  },
  {
    kind: "serviceaccount",
    label: "CI service account",
    module: KIND_MODULES.serviceaccount,
    description: "A Kubernetes service account for CI pipelines; an IAM-relevant change, always reviewed.",
    fields: [
      nameField,
      {
        name: "githubRepositories",
        label: "GitHub repositories",
        type: "list",
        required: false,
        help: "repository names that get the account's token as Actions secrets",
      },
    ],
  },
  {
    kind: "irsa",
    label: "AWS access for a service account (IRSA)",
    module: KIND_MODULES.irsa,
    description: "An IAM role for a Kubernetes service account with the access policies of chosen resources; always reviewed.",
    fields: [
      nameField,
      { name: "serviceAccount", label: "Service account name", type: "text", required: true },
      {
        name: "policies",
        label: "Resources whose IRSA policies the role gets",
        type: "resources",
        required: true,
        help:
          "resources in this namespace or request of kinds rds, s3, sqs, sns, elasticache, dynamodb, ecr. For RDS and ElastiCache the policy covers " +
          "snapshot and auth-token management, not data access: the app connects with the credentials in the resource's Secret",
      },
    ],
  },
  {
    kind: "upgrade",
    label: "Upgrade a module",
    module: null,
    description: "Moves an existing module block to the catalogue's current version; only its pinned version changes.",
    fields: [
      { name: "name", label: "Module block", type: "module", required: true },
      { name: "version", label: "Version", type: "text", required: true, help: "the catalogue's current version of the module" },
    ],
  },
];
