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
}

/** Something in a namespace folder that could not be read fully. */
export interface Problem {
  /** Path relative to the namespace folder. */
  file: string;
  message: string;
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
  /** GitHub team slugs bound by any RoleBinding in the folder (`github:<team>`), sorted, unique. */
  teams: string[];
  slackChannel: string | null;
  sourceCode: string | null;
  /** As written (usually YYYY-MM-DD); null when absent or empty. */
  reviewAfter: string | null;
  skipApply: boolean;
  /** Paths relative to the namespace folder, sorted. */
  files: string[];
  modules: ModuleUse[];
  problems: Problem[];
}

export interface InventoryStats {
  namespaces: number;
  byCluster: Record<string, number>;
  byBusinessUnit: Record<string, number>;
  production: number;
  /** Uses per module short name. */
  modules: Record<string, number>;
}
