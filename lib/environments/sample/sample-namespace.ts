import type { SampleTeam } from "./sample-teams";

/** One catalogued module used in a namespace: one resources/<file>.tf with a block per instance. */
export interface SampleModuleGroup {
  /** The catalogue's short name, e.g. `rds-instance`. */
  module: string;
  ref: string;
  /** Module block labels (HCL identifiers), one block each. */
  instances: string[];
  /** A small number renderers use to vary settings such as engine versions. */
  variant: number;
  /** rds-instance only: also a `read_replica` block written `count = 0` (disabled, as 157 of 939 real rds blocks are). */
  disabledReplica?: boolean;
}

/** A team, and maybe a single user, bound to a narrower namespaced Role than admin: access without ownership. */
export interface SampleNarrowerAccess {
  team: SampleTeam;
  /** A user login bound alongside, as some real bindings do. */
  user: string | null;
}

export interface SampleExtraTeam {
  team: SampleTeam;
  /** True: its own `07-rbac-<team>.yaml`; false: a second subject in 01-rbac.yaml. */
  ownFile: boolean;
}

/** Everything needed to render one namespace folder. */
export interface SampleNamespace {
  name: string;
  clusterDomain: string;
  businessUnit: string;
  /** Free-text application name for the annotation. */
  application: string;
  /** The application's slug; also its repository name. */
  applicationSlug: string;
  environment: string;
  isProduction: boolean;
  team: SampleTeam;
  extraTeams: SampleExtraTeam[];
  slackChannel: string;
  sourceCode: string;
  serviceArea: string;
  /** YYYY-MM-DD, or "" for none. */
  reviewAfter: string;
  skipApply: boolean;
  certificate: boolean;
  serviceMonitor: boolean;
  modules: SampleModuleGroup[];
  /** Older than the template: declares `environment-name` instead of `environment` (as ~11% of real namespaces lack `environment`). */
  lacksEnvironmentVariable?: boolean;
  /** Extra manifests written as `.yml` (the apply pipeline applies them; the policy check misses them). */
  ymlManifests?: boolean;
  narrowerAccess?: SampleNarrowerAccess | null;
}
