/** A Terraform module block found in a namespace's resources/ folder. */
export interface ModuleUse {
  /** The block label: `module "<name>" { ... }`. */
  name: string;
  /** The module's short name, e.g. `rds-instance` (from its source). */
  module: string;
  source: string;
  /** The pinned version (`?ref=` or `version = ...`); null when unpinned. */
  ref: string | null;
  /** Path of the .tf file, relative to the namespace folder. */
  file: string;
  /**
   * True when the block is written `count = 0`: Terraform creates nothing, so it is
   * not in use (157 of 939 real rds-instance blocks are such disabled replicas).
   * Absent or false otherwise, including `count = <expression>`, which Berth cannot evaluate.
   */
  disabled?: boolean;
}

/**
 * How bad a problem is: `error` when a file (or part of it) could not be read,
 * so the record may be missing facts; `warning` for hygiene the platform
 * tolerates (a `.yml` manifest, a folder without a Namespace document).
 */
export type ProblemSeverity = "error" | "warning";

/** Something in a namespace folder that could not be read fully. */
export interface Problem {
  /** Path relative to the namespace folder. */
  file: string;
  message: string;
  severity: ProblemSeverity;
}

/** Access a RoleBinding grants that is not ownership: a team or a single user bound to a role other than ClusterRole `admin`, or a user bound to `admin`. */
export interface OtherAccess {
  /** `team` for a `github:<team>` Group, `user` for a User subject. */
  kind: "team" | "user";
  /** The team slug, or the user's name (without a `github:` prefix). */
  name: string;
  /** The bound role, e.g. `ClusterRole/admin`, `Role/developer`. */
  role: string;
  /** Path of the manifest, relative to the namespace folder. */
  file: string;
}

/** One `namespaces/<cluster-domain>/<namespace>/` folder, as read. */
export interface NamespaceRecord {
  /** The profile's cluster name for the folder's domain, or the domain itself when unknown. */
  cluster: string;
  /** The folder's cluster domain, e.g. `live.cloud-platform.service.justice.gov.uk`. */
  clusterDomain: string;
  name: string;
  /** Repository path of the folder, e.g. `namespaces/<domain>/<name>`. */
  path: string;
  businessUnit: string | null;
  environment: string | null;
  isProduction: boolean;
  application: string | null;
  owner: string | null;
  /**
   * The owners: GitHub team slugs (`github:<team>` Groups) bound to ClusterRole `admin`
   * by a RoleBinding in any of the folder's manifests, sorted, unique.
   */
  teams: string[];
  /** Teams and users bound to narrower roles (and users bound to admin): access, not ownership. Sorted by kind, name, role. */
  otherAccess: OtherAccess[];
  slackChannel: string | null;
  /** The `team-name` annotation (a GitHub team slug, as written). */
  teamName: string | null;
  /** The `slack-alert-channel` annotation (many HMPPS namespaces). */
  slackAlertChannel: string | null;
  sourceCode: string | null;
  /** As written (usually YYYY-MM-DD); null when absent or empty. */
  reviewAfter: string | null;
  skipApply: boolean;
  /** Paths relative to the namespace folder, sorted. */
  files: string[];
  modules: ModuleUse[];
  /** The Secrets its resources/ Terraform writes into the namespace (`kubernetes_secret` blocks), in file order. */
  secrets: TerraformSecret[];
  /**
   * The `aws` providers of resources/main.tf and their default tags' keys, in file order.
   * Absent in a record indexed before Berth recorded them (read as unknown).
   */
  awsProviders?: AwsProviderTags[];
  problems: Problem[];
}

/** One `provider "aws"` block: its alias (null for the default provider) and the keys of its `default_tags { tags = {...} }`. */
export interface AwsProviderTags {
  alias: string | null;
  /** [] when it has no default_tags; null when its tags are an expression Berth does not read (`local.tags`). */
  tags: string[] | null;
}

/** A `resource "kubernetes_secret"` block of resources/: names and keys, never values. */
export interface TerraformSecret {
  /** The resource's label. */
  label: string;
  /** The Secret's name; null when it is an expression. */
  name: string | null;
  keys: string[];
  /** The module blocks its data reads: the AWS resources whose credentials it carries. */
  modules: string[];
  /** Path of the .tf file, relative to the namespace folder. */
  file: string;
  /** Written `count = 0`: no Secret is created. */
  disabled?: boolean;
}

export interface InventoryStats {
  namespaces: number;
  byCluster: Record<string, number>;
  byBusinessUnit: Record<string, number>;
  production: number;
  /** Uses per module short name; disabled (`count = 0`) blocks are not uses. */
  modules: Record<string, number>;
}
